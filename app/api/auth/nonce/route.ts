import { requestSignIn } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';

export const POST = handler(async (req: Request) => json(await requestSignIn(await readJson(req))));
