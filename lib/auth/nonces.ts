import 'server-only';
/**
 * Nonce store: >= 128 bits, alphanumeric, single use, short TTL, bound to chain + address + purpose and to the
 * exact message text (its SHA-256). Consumed by ONE conditional DELETE, so parallel verifies of one signed message
 * yield exactly one success.
 * Alphanumeric matters beyond CAIP-122: Kukai escapes only `"` before it Micheline-parses the text it signs, so a
 * backslash in a nonce would make its signed bytes differ from the text it returns.
 * A wallet's own template (Kukai) is worded and timed by the wallet, so its hash cannot be known when the nonce is
 * issued: such a nonce is bound to chain + address + purpose + user, and to being signed within its lifetime.
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

/** A wallet template's signing time (its own clock) and the skew allowed against ours. */
export interface TemplateSigned {
  signedAt: Date;
  clockSkewSeconds: number;
}

/**
 * Spends the nonce if it is live and bound to exactly this chain, address, purpose and user, and either to this exact
 * message or — for a wallet template — to a signing time no earlier than its issue (minus the skew).
 */
export async function consumeNonce(
  value: string, b: NonceBinding, message: string, now = new Date(), template?: TemplateSigned,
): Promise<true | ErrorCode> {
  const prisma = await db();
  const signed = template
    ? { issuedAt: { lte: new Date(template.signedAt.getTime() + template.clockSkewSeconds * 1000) } }
    : { messageHash: hashMessage(message) };
  const { count } = await prisma.nonce.deleteMany({
    where: { value, chain: b.chain, address: b.address, purpose: b.purpose, userId: b.userId ?? null, ...signed, expiresAt: { gt: now } },
  });
  if (count === 1) return true;
  // Only to say why: an expired row is reported as expired (and removed); anything else is unknown or used.
  const expired = await prisma.nonce.deleteMany({ where: { value, expiresAt: { lte: now } } });
  if (expired.count > 0) return 'expired';
  if (template && (await prisma.nonce.count({ where: { value, issuedAt: { gt: signed.issuedAt!.lte } } })) > 0) return 'not_yet_valid';
  return 'nonce_mismatch';
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
