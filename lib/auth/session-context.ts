/**
 * Everything a gated request needs from the database, in ONE round trip: the session row (revoked or expired →
 * null), the user's wallets and profile. Used by proxy.ts and, when the proxy's forwarded copy is missing or does not
 * verify, by the pages themselves. No server-only marker: proxy.ts imports it.
 *
 * One SQL statement with correlated sub-selects: Prisma's nested `select` costs a query per relation (the previous
 * session lookup alone took two).
 */
import type { ChainId } from '../chains/types';
import { db } from '../db';
import type { SessionData } from './session-cookie';

export interface ContextWallet {
  id: string;
  chain: ChainId;
  address: string;
}

export interface SessionContext {
  /** The session as the database knows it; chain and address are those of the session's wallet today. */
  session: SessionData & { walletId: string };
  /** Every wallet linked to the user, oldest first. */
  wallets: ContextWallet[];
  profile: { displayName: string; bio: string } | null;
}

interface Row {
  userId: string;
  walletId: string;
  expiresAt: Date;
  wallets: ContextWallet[] | null;
  profile: SessionContext['profile'];
}

/** The live context of an unsealed cookie; null when its row is gone (sign-out), expired, or not the cookie's user. */
export async function loadSessionContext(data: SessionData, now = Date.now()): Promise<SessionContext | null> {
  const rows = await (await db()).$queryRaw<Row[]>`
    SELECT s."userId", s."walletId", s."expiresAt",
      (SELECT json_agg(json_build_object('id', w.id, 'chain', w.chain, 'address', w.address) ORDER BY w."createdAt", w.id)
         FROM "Wallet" w WHERE w."userId" = s."userId") AS wallets,
      (SELECT json_build_object('displayName', p."displayName", 'bio', p.bio)
         FROM "Profile" p WHERE p."userId" = s."userId") AS profile
    FROM "Session" s WHERE s.id = ${data.sid}`;
  const row = rows[0];
  if (!row || row.userId !== data.userId || new Date(row.expiresAt).getTime() <= now) return null;
  const wallets = row.wallets ?? [];
  const wallet = wallets.find((w) => w.id === row.walletId);
  if (!wallet) return null;
  return { session: { ...data, walletId: wallet.id, chain: wallet.chain, address: wallet.address }, wallets, profile: row.profile };
}
