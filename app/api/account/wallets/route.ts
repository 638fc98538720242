import { z } from 'zod';
import { listWallets, linkWallet } from '@/lib/account/wallets';
import { currentSession } from '@/lib/auth/session';
import { verifyWalletProof } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors';
import { handler, json, readJson } from '@/lib/http';

async function requireSession() {
  const session = await currentSession();
  if (!session) throw new AppError('unauthenticated', 'Sign in first.');
  return session;
}

export const GET = handler(async () => json({ wallets: await listWallets((await requireSession()).userId) }));

/** Link a wallet: the same body as /api/auth/verify, signed for purpose "link" (or "move" with `move: true`). */
export const POST = handler(async (req: Request) => {
  const session = await requireSession();
  const body = await readJson(req);
  const move = z.object({ move: z.boolean().optional() }).safeParse(body).data?.move === true;
  const account = await verifyWalletProof(body, move ? 'move' : 'link', session.userId);
  return json({ wallet: await linkWallet(session.userId, account, move) }, 201);
});
