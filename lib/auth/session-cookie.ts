/**
 * The session cookie's shape and seal options. No server-only marker: proxy.ts reads the cookie through this file
 * (it only unseals; writing happens in route handlers via lib/auth/session.ts).
 */
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

export function sessionOptions(): SessionOptions {
  const e = env();
  return {
    cookieName: SESSION_COOKIE,
    password: e.sessionSecret,
    ttl: e.sessionTtlSeconds,
    cookieOptions: { httpOnly: true, secure: e.production, sameSite: 'lax', path: '/' },
  };
}

/** Unseals a cookie value; null when absent, tampered, or past its absolute lifetime. */
export async function readSessionCookie(value: string | undefined): Promise<SessionData | null> {
  if (!value) return null;
  const data = await unsealData<Partial<SessionData>>(value, { password: env().sessionSecret, ttl: env().sessionTtlSeconds }).catch(() => ({}) as Partial<SessionData>);
  if (!data.sid || !data.userId || !data.chain || !data.address || typeof data.exp !== 'number') return null;
  return data.exp > Date.now() ? (data as SessionData) : null;
}
