import 'server-only';
/**
 * Nonce store: >= 128 bits, alphanumeric, single use, short TTL, bound to chain + address + purpose and to the
 * exact message text (its SHA-256). Consumed by ONE conditional DELETE, so parallel verifies of one signed message
 * yield exactly one success.
 */
import { createHash, randomInt } from 'node:crypto';
import { db } from '../db';
import type { ErrorCode } from '../errors';
import type { ChainId } from '../chains/types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const NONCE_LENGTH = 22; // 22 * log2(62) ≈ 131 bits

export const newNonce = () => Array.from({ length: NONCE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const hashMessage = (message: string) => createHash('sha256').update(message, 'utf8').digest('hex');

export interface NonceBinding {
  chain: ChainId;
  address: string;
  purpose: string;
  userId?: string | null;
}

export async function storeNonce(value: string, b: NonceBinding, message: string, issuedAt: Date, expiresAt: Date) {
  const prisma = await db();
  await prisma.nonce.create({
    data: { value, chain: b.chain, address: b.address, purpose: b.purpose, userId: b.userId ?? null, messageHash: hashMessage(message), issuedAt, expiresAt },
  });
  await purgeExpired();
}

/** Spends the nonce if it is live and bound to exactly this chain, address, purpose, user and message. */
export async function consumeNonce(value: string, b: NonceBinding, message: string, now = new Date()): Promise<true | ErrorCode> {
  const prisma = await db();
  const { count } = await prisma.nonce.deleteMany({
    where: { value, chain: b.chain, address: b.address, purpose: b.purpose, userId: b.userId ?? null, messageHash: hashMessage(message), expiresAt: { gt: now } },
  });
  if (count === 1) return true;
  // Only to say why: an expired row is reported as expired (and removed); anything else is unknown or used.
  const expired = await prisma.nonce.deleteMany({ where: { value, expiresAt: { lte: now } } });
  return expired.count > 0 ? 'expired' : 'nonce_mismatch';
}

const PURGE_EVERY_MS = 60_000;
const purgeState = globalThis as unknown as { __walletgateNoncePurge?: number };

/**
 * Deletes expired nonces and expired sessions (cookie and bearer-token rows), at most once a minute per process.
 * Issuing a nonce triggers it, so the tables stay bounded by (issuance rate limit x TTL) even under a flood.
 */
export async function purgeExpired(now = new Date(), force = false): Promise<{ nonces: number; sessions: number }> {
  const last = purgeState.__walletgateNoncePurge ?? 0;
  if (!force && now.getTime() - last < PURGE_EVERY_MS) return { nonces: 0, sessions: 0 };
  purgeState.__walletgateNoncePurge = now.getTime();
  const prisma = await db();
  const nonces = await prisma.nonce.deleteMany({ where: { expiresAt: { lte: now } } });
  const sessions = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return { nonces: nonces.count, sessions: sessions.count };
}

export const purgeExpiredNonces = async (now = new Date(), force = false) => (await purgeExpired(now, force)).nonces;
