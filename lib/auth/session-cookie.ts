/**
 * The session cookie's shape and seal options. No server-only marker: proxy.ts reads the cookie through this file
 * (it only unseals; writing happens in route handlers via lib/auth/session.ts).
 */
import { createHash } from 'node:crypto';
import { unsealData, type SessionOptions } from 'iron-session';
import type { ChainId } from '../chains/types';
import { env } from '../env';

export const SESSION_COOKIE = 'walletgate_session';

export interface SessionData {
  /** Server-side session id (row in Session); sign-out deletes it. */
  sid: string;
  userId: string;
  chain: ChainId;
  address: string;
  /** Absolute expiry, epoch ms. */
  exp: number;
}

/**
 * iron-session writes the password's id into each seal and opens it with the password of that id. The id is derived
 * from the secret itself, so it survives the secret moving down the list; id 1 (what a single string password gets)
 * is the oldest listed secret, which opens cookies sealed before the list existed.
 */
export const passwordId = (secret: string) => 2 + createHash('sha256').update(secret).digest().readUInt32BE(0);

export function passwordMap(secrets: readonly string[]): Record<number, string> {
  const map: Record<number, string> = { 1: secrets[secrets.length - 1] };
  for (const s of secrets) map[passwordId(s)] = s;
  return map;
}

/** For writing (getIronSession): only the newest secret, so every new seal uses it. */
export function sessionOptions(): SessionOptions {
  const e = env();
  return {
    cookieName: SESSION_COOKIE,
    password: { [passwordId(e.sessionSecrets[0])]: e.sessionSecrets[0] },
    ttl: e.sessionTtlSeconds,
    cookieOptions: { httpOnly: true, secure: e.production, sameSite: 'lax', path: '/' },
  };
}

/** Unseals a cookie value with any listed secret; null when absent, tampered, or past its absolute lifetime. */
export async function readSessionCookie(value: string | undefined, secrets = env().sessionSecrets): Promise<SessionData | null> {
  if (!value) return null;
  const data = await unsealData<Partial<SessionData>>(value, { password: passwordMap(secrets), ttl: env().sessionTtlSeconds }).catch(() => ({}) as Partial<SessionData>);
  if (!data.sid || !data.userId || !data.chain || !data.address || typeof data.exp !== 'number') return null;
  return data.exp > Date.now() ? (data as SessionData) : null;
}
