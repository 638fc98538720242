import { unlinkWallet } from '@/lib/account/wallets';
import { currentSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { handler, json } from '@/lib/http';

export const DELETE = handler(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const session = await currentSession();
  if (!session) throw new AppError('unauthenticated', 'Sign in first.');
  await unlinkWallet(session.userId, (await ctx.params).id);
  return json({ ok: true });
});
