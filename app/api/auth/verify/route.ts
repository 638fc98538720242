import { startSession } from '@/lib/auth/session';
import { userForWallet, verifyWalletProof } from '@/lib/auth/sign-in';
import { handler, json, readJson } from '@/lib/http';

export const POST = handler(async (req: Request) => {
  const account = await verifyWalletProof(await readJson(req));
  const { userId, walletId } = await userForWallet(account);
  await startSession(userId, walletId, account);
  return json({ account: { chain: account.chain, address: account.address }, user: { id: userId } });
});
