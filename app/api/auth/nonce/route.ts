import { currentSession } from '@/lib/auth/session';
import { requestSignIn } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';

export const POST = handler(async (req: Request) => {
  const body = await readJson(req);
  const session = (body as { purpose?: unknown })?.purpose ? await currentSession() : null;
  return json(await requestSignIn(body, session?.userId ?? null));
});
