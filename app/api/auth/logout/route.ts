import { authenticate } from '@/lib/auth/authenticate';
import { endSession, revokeSession } from '@/lib/auth/session';
import { handler, json } from '@/lib/http';

/** Ends the caller's session: the bearer token's session when one is sent, else the cookie's. */
export const POST = handler(async (req: Request) => {
  const session = await authenticate(req);
  if (session?.via === 'bearer') await revokeSession(session.sid);
  else await endSession();
  return json({ ok: true });
});
