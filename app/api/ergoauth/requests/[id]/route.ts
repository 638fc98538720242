import { walletRequest } from '@/lib/ergoauth/requests';
import { handler, json } from '@/lib/http';

// The phone wallet fetches this (ergoauth://<host>/api/ergoauth/requests/<id>).
export const GET = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => json(await walletRequest((await ctx.params).id)));
