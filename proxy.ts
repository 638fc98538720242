/**
 * Every page and API request (Node.js runtime): security headers and a per-request CSP nonce for all
 * (lib/http/security-headers.ts), and under /members the gate. One database round trip:
 * the session row (a cookie copied before sign-out, or past its row's expiry, counts as anonymous), the user's
 * wallets and profile; then the holdings (cached). The page is not asked to trust this: it receives the looked-up
 * context in a MAC'd header bound to this request's cookie (lib/auth/forwarded-session.ts), re-checks the holdings
 * through the same cache, and does its own lookup when the header is missing or does not verify.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { unavailableDocument } from './app/holdings-unavailable/document';
import { FORWARDED_SESSION_HEADER, sealForwardedSession } from './lib/auth/forwarded-session';
import { loadSessionContext } from './lib/auth/session-context';
import { readSessionCookie, SESSION_COOKIE } from './lib/auth/session-cookie';
import { checkWallets } from './lib/gate/gate';
import { withSecurityHeaders } from './lib/http/security-headers';

/** The gate itself, a plain function so wrappers compose; `forward` are the request headers the page will see. */
export async function gate(req: NextRequest, forward = new Headers(req.headers)): Promise<NextResponse> {
  forward.delete(FORWARDED_SESSION_HEADER); // only this function writes it (the wrapper drops a client's copy too)
  const cookie = req.cookies.get(SESSION_COOKIE)?.value;
  const data = await readSessionCookie(cookie);
  const context = data ? await loadSessionContext(data) : null;
  if (!context || !cookie) {
    const signIn = new URL('/sign-in', req.url);
    signIn.searchParams.set('next', req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  const decision = await checkWallets(context.wallets).catch(() => ({ status: 'unavailable' as const }));
  if (decision.status === 'denied') return NextResponse.redirect(new URL('/no-access', req.url));
  // A rewrite's status never reaches the client (next start answers 200), so the 503 page is answered here.
  if (decision.status === 'unavailable')
    return new NextResponse(unavailableDocument(), { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' } });
  const sealed = sealForwardedSession(context, cookie);
  if (sealed) forward.set(FORWARDED_SESSION_HEADER, sealed);
  return NextResponse.next({ request: { headers: forward } });
}

export const proxy = withSecurityHeaders(gate, { gated: ['/members'], internalHeaders: [FORWARDED_SESSION_HEADER] });

// Everything but build assets and public files (they carry no user data; next.config.mjs gives them nosniff).
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'] };
