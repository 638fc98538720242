import 'server-only';
/**
 * The one way a route learns who is calling: `Authorization: Bearer <jwt>` (CLI, app, backend) or the session
 * cookie (this web page). A bearer header that is present but bad is a 401 — never a silent fall back to the cookie.
 */
import { cookies, headers } from 'next/headers';
import { AppError } from '../errors';
import { sessionFromDb, type ActiveSession } from './session';
import { readSessionCookie, SESSION_COOKIE } from './session-cookie';
import { sessionFromToken } from './tokens';

export type AuthenticatedSession = ActiveSession & { via: 'cookie' | 'bearer' };

const BEARER_RE = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)[ ]*$/i;

function cookieFrom(header: string | null): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The caller's live session, or null when anonymous. Throws AppError('unauthenticated') for a bad bearer token. */
export async function authenticate(req?: Request): Promise<AuthenticatedSession | null> {
  const authorization = req ? req.headers.get('authorization') : (await headers()).get('authorization');
  if (authorization !== null) {
    const match = BEARER_RE.exec(authorization);
    if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    return { ...(await sessionFromToken(match[1])), via: 'bearer' };
  }
  const value = req ? cookieFrom(req.headers.get('cookie')) : (await cookies()).get(SESSION_COOKIE)?.value;
  const data = await readSessionCookie(value);
  const session = data ? await sessionFromDb(data) : null;
  return session ? { ...session, via: 'cookie' } : null;
}

/** authenticate(), but anonymous is a 401. */
export async function requireSession(req?: Request): Promise<AuthenticatedSession> {
  const session = await authenticate(req);
  if (!session) throw new AppError('unauthenticated', 'Sign in first.');
  return session;
}
