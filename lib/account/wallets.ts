import 'server-only';
/**
 * One person, several wallets. Linking needs a fresh signature by the wallet (purpose "link"); a wallet linked to
 * another account is never moved silently: that takes a signature whose message says "move" (purpose "move").
 */
import { randomUUID } from 'node:crypto';
import type { Account } from '../auth/core';
import { db } from '../db';
import { AppError } from '../errors';

export interface LinkedWallet {
  id: string;
  chain: string;
  address: string;
  caip10: string;
  linkedAt: string;
  lastUsedAt: string;
}

const view = (w: { id: string; chain: string; address: string; caip10: string; createdAt: Date; lastUsedAt: Date }): LinkedWallet => ({
  id: w.id,
  chain: w.chain,
  address: w.address,
  caip10: w.caip10,
  linkedAt: w.createdAt.toISOString(),
  lastUsedAt: w.lastUsedAt.toISOString(),
});

export async function listWallets(userId: string): Promise<LinkedWallet[]> {
  const rows = await (await db()).wallet.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.map(view);
}

/** Attaches a proven wallet to `userId`. `move` (a "move" signature) takes it from another account. */
export async function linkWallet(userId: string, account: Account, move: boolean): Promise<LinkedWallet> {
  const prisma = await db();
  const key = { chain_address: { chain: account.chain, address: account.address } };
  const existing = await prisma.wallet.findUnique({ where: key });
  if (existing?.userId === userId) return view(existing);
  if (existing && !move)
    throw new AppError('wallet_taken', 'This wallet is linked to another account. To move it here, sign the move request with it.');
  if (existing) return view(await moveWallet(existing.id, existing.userId, userId));
  try {
    return view(await prisma.wallet.create({ data: { id: randomUUID(), userId, chain: account.chain, address: account.address, caip10: account.caip10 } }));
  } catch (e) {
    // Two accounts linking the same new wallet at once: the unique (chain, address) lets exactly one win.
    if (await prisma.wallet.findUnique({ where: key })) throw new AppError('wallet_taken', 'This wallet was just linked to another account.');
    throw e;
  }
}

async function moveWallet(walletId: string, fromUserId: string, toUserId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // Sessions the old account started with this wallet end: the wallet no longer speaks for that account.
    await tx.session.deleteMany({ where: { walletId } });
    const moved = await tx.wallet.update({ where: { id: walletId, userId: fromUserId }, data: { userId: toUserId, createdAt: new Date() } });
    if ((await tx.wallet.count({ where: { userId: fromUserId } })) === 0) await tx.user.delete({ where: { id: fromUserId } });
    return moved;
  });
}

/** Unlinks a wallet; the last one cannot go. Sessions started with it stay on the account (moved to another wallet). */
export async function unlinkWallet(userId: string, walletId: string): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const wallets = await tx.wallet.findMany({ where: { userId }, select: { id: true }, orderBy: { createdAt: 'asc' } });
    if (!wallets.some((w) => w.id === walletId)) throw new AppError('not_found', 'That wallet is not linked to your account.');
    const remaining = wallets.filter((w) => w.id !== walletId);
    if (remaining.length === 0) throw new AppError('last_wallet', 'This is your only wallet: link another one before unlinking it.');
    await tx.session.updateMany({ where: { walletId }, data: { walletId: remaining[0].id } });
    await tx.wallet.delete({ where: { id: walletId } });
  });
}
