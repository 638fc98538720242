import { startErgoAuth } from '@/lib/ergoauth/requests';
import { handler, json, readJson } from '@/lib/http';

export const POST = handler(async (req: Request) => json(await startErgoAuth(await readJson(req))));
