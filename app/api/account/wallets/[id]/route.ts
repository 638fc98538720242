import { unlinkWallet } from '@/lib/account/wallets';
import { requireSession } from '@/lib/auth/authenticate';
import { handler, json } from '@/lib/http';
import { rateLimit } from '@/lib/rate-limit';

export const DELETE = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const session = await requireSession(req);
  await rateLimit(req, 'link', { userId: session.userId });
  await unlinkWallet(session.userId, (await ctx.params).id);
  return json({ ok: true });
});
