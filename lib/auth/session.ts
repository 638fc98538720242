import 'server-only';
/**
 * Sessions: an iron-session cookie that carries a server-side session id. Pages and the API check the row,
 * so sign-out (which deletes it) ends every copy of the cookie.
 */
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getIronSession } from 'iron-session';
import { db } from '../db';
import { env } from '../env';
import type { Account } from './core';
import { FORWARDED_SESSION_HEADER, openForwardedSession } from './forwarded-session';
import { loadSessionContext, type SessionContext } from './session-context';
import { readSessionCookie, SESSION_COOKIE, sessionOptions, type SessionData } from './session-cookie';

/** A live session as the database knows it: the wallet comes from the row (it can change when wallets are unlinked). */
export type ActiveSession = SessionData & { walletId: string };

/**
 * The request's session context (session row, wallets, profile), or null when signed out, expired or revoked:
 * the proxy's forwarded copy when it verifies for this cookie (lib/auth/forwarded-session.ts), else one lookup.
 */
// Memoised per request (React cache): the layout and the page ask once, the database answers at most once.
export const sessionContext = cache(async (): Promise<SessionContext | null> => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  const forwarded = openForwardedSession((await headers()).get(FORWARDED_SESSION_HEADER), cookie);
  if (forwarded) return forwarded;
  const data = await readSessionCookie(cookie);
  return data ? loadSessionContext(data) : null;
});

/** The signed-in session, checked against the database; null when signed out, expired or revoked. */
export const currentSession = cache(async (): Promise<ActiveSession | null> => (await sessionContext())?.session ?? null);

/** The live session of an unsealed cookie (one round trip; see session-context.ts). */
export async function sessionFromDb(data: SessionData): Promise<ActiveSession | null> {
  return (await loadSessionContext(data))?.session ?? null;
}

/** Starts a fresh session (new id, new cookie) for a verified wallet. */
export async function startSession(userId: string, walletId: string, account: Account): Promise<ActiveSession> {
  const e = env();
  const sid = randomBytes(18).toString('base64url');
  const exp = Date.now() + e.sessionTtlSeconds * 1000;
  await (await db()).session.create({ data: { id: sid, userId, walletId, expiresAt: new Date(exp) } });
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions());
  const data: SessionData = { sid, userId, chain: account.chain, address: account.address, exp };
  Object.assign(session, data);
  await session.save();
  return { ...data, walletId };
}

/** Revokes one session on the server (a bearer token's; its JWT stops working at once). */
export async function revokeSession(sid: string): Promise<void> {
  await (await db()).session.deleteMany({ where: { id: sid } });
}

/** Revokes the session on the server and clears the cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  // Read with every listed secret (a cookie sealed before a rotation still names its row), then clear it.
  const data = await readSessionCookie(jar.get(SESSION_COOKIE)?.value);
  if (data) await (await db()).session.deleteMany({ where: { id: data.sid } });
  (await getIronSession<Partial<SessionData>>(jar, sessionOptions())).destroy();
}
