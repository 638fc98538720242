import { currentSession } from '@/lib/auth/session';
import { handler, json } from '@/lib/http';

export const GET = handler(async () => {
  const session = await currentSession();
  if (!session) return json({ authenticated: false });
  return json({
    authenticated: true,
    account: { chain: session.chain, address: session.address },
    user: { id: session.userId },
    expiresAt: new Date(session.exp).toISOString(),
  });
});
