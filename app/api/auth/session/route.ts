import { authenticate } from '@/lib/auth/authenticate';
import { handler, json } from '@/lib/http';

export const GET = handler(async (req: Request) => {
  const session = await authenticate(req);
  if (!session) return json({ authenticated: false });
  return json({
    authenticated: true,
    account: { chain: session.chain, address: session.address },
    user: { id: session.userId },
    expiresAt: new Date(session.exp).toISOString(),
    via: session.via,
  });
});
