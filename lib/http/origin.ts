/**
 * Defence in depth against cross-site requests, beyond SameSite=Lax (which lets same-site origins — another port or
 * subdomain — and top-level POSTs through): a state-changing request must come from APP_URL's origin.
 *
 * - `Origin` present: it must equal APP_URL's origin exactly (`null`, another scheme, port or subdomain: refused).
 * - no `Origin`: `Sec-Fetch-Site` must not be `cross-site` or `same-site`.
 * - neither header (curl, the CLI scripts, server-to-server): allowed — such clients carry no ambient browser
 *   credentials an attacker could borrow.
 * - a bearer-token request without a session cookie is not checked: a browser never attaches the token by itself.
 */
import { AppError } from '../errors';
import { SESSION_COOKIE } from '../auth/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hasSessionCookie = (req: Request) =>
  (req.headers.get('cookie') ?? '').split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));

/** Why a request is refused, or null when it may go on. */
export function crossOriginReason(req: Request, appOrigin: string): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (/^bearer\s/i.test(req.headers.get('authorization') ?? '') && !hasSessionCookie(req)) return null;
  const origin = req.headers.get('origin');
  if (origin !== null) return origin === appOrigin ? null : `Origin ${origin.slice(0, 100)}`;
  const site = req.headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site' ? `Sec-Fetch-Site: ${site}` : null;
}

/** Throws AppError('forbidden_origin') (403) when the request does not come from `appOrigin`. */
export function assertSameOrigin(req: Request, appOrigin: string): void {
  const reason = crossOriginReason(req, appOrigin);
  if (reason) throw new AppError('forbidden_origin', `This request comes from another site (${reason}); it must come from ${appOrigin}.`);
}
