import { authenticate } from '@/lib/auth/authenticate';
import { requestSignIn } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';
import { rateLimit } from '@/lib/rate-limit';

export const POST = handler(async (req: Request) => {
  const body = await readJson(req);
  await rateLimit(req, 'nonce', { body });
  // Only linking/moving a wallet needs to know who is asking; a plain sign-in nonce never reads the session.
  const session = (body as { purpose?: unknown })?.purpose ? await authenticate(req) : null;
  return json(await requestSignIn(body, session?.userId ?? null));
});
