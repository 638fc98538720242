import { pollErgoAuth } from '@/lib/ergoauth/requests';
import { handler, json, readJson } from '@/lib/http';

// The browser that showed the QR code asks with its token; it then signs in through POST /api/auth/verify.
export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => json(await pollErgoAuth((await ctx.params).id, await readJson(req))));
