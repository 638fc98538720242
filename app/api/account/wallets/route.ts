import { z } from 'zod';
import { listWallets, linkWallet } from '@/lib/account/wallets';
import { requireSession } from '@/lib/auth/authenticate';
import { verifyWalletProof } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';
import { rateLimit } from '@/lib/rate-limit';

export const GET = handler(async (req: Request) => json({ wallets: await listWallets((await requireSession(req)).userId) }));

/** Link a wallet: the same body as /api/auth/verify, signed for purpose "link" (or "move" with `move: true`). */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  const body = await readJson(req);
  await rateLimit(req, 'link', { body, userId: session.userId });
  const move = z.object({ move: z.boolean().optional() }).safeParse(body).data?.move === true;
  const account = await verifyWalletProof(body, move ? 'move' : 'link', session.userId);
  return json({ wallet: await linkWallet(session.userId, account, move) }, 201);
});
