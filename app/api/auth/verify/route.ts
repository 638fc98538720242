import { z } from 'zod';
import { startSession } from '@/lib/auth/session';
import { userForWallet, verifyWalletProof } from '@/lib/auth/sign-in';
import { issueTokenSession } from '@/lib/auth/tokens';
import { handler, json, readJson } from '@/lib/http';
import { parseBody } from '@/lib/validate';
import { rateLimit } from '@/lib/rate-limit';

// "cookie" (default): this web page. "token": a bearer JWT in the body for a CLI, app or backend; no cookie is set.
const sessionKind = z.object({ session: z.enum(['cookie', 'token']).default('cookie') });

export const POST = handler(async (req: Request) => {
  const body = await readJson(req);
  await rateLimit(req, 'verify', { body });
  const { session } = parseBody(sessionKind, body);
  const account = await verifyWalletProof(body);
  const { userId, walletId } = await userForWallet(account);
  const answer = { account: { chain: account.chain, address: account.address }, user: { id: userId } };
  if (session === 'token') return json({ ...answer, ...(await issueTokenSession(userId, walletId)) });
  await startSession(userId, walletId, account);
  return json(answer);
});
