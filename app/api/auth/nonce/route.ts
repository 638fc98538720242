import { authenticate } from '@/lib/auth/authenticate';
import { requestSignIn } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';

export const POST = handler(async (req: Request) => {
  const body = await readJson(req);
  // Only linking/moving a wallet needs to know who is asking; a plain sign-in nonce never reads the session.
  const session = (body as { purpose?: unknown })?.purpose ? await authenticate(req) : null;
  return json(await requestSignIn(body, session?.userId ?? null));
});
