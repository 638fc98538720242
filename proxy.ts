/**
 * Every page and API request (Node.js runtime): security headers and a per-request CSP nonce for all
 * (lib/http/security-headers.ts), and, under /members, the gate: read the session cookie, ask the gate, redirect.
 * Kept small, and never the only check: the members page asks the same gate again.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { readSessionCookie, SESSION_COOKIE } from './lib/auth/session-cookie';
import { checkAccess } from './lib/gate/gate';
import { withSecurityHeaders } from './lib/http/security-headers';

async function gate(req: NextRequest) {
  const session = await readSessionCookie(req.cookies.get(SESSION_COOKIE)?.value);
  if (!session) {
    const signIn = new URL('/sign-in', req.url);
    signIn.searchParams.set('next', req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  const decision = await checkAccess(session.userId).catch(() => ({ status: 'unavailable' as const }));
  if (decision.status === 'denied') return NextResponse.redirect(new URL('/no-access', req.url));
  if (decision.status === 'unavailable') return NextResponse.rewrite(new URL('/holdings-unavailable', req.url), { status: 503 });
  return NextResponse.next();
}

export const proxy = withSecurityHeaders(gate, { gated: ['/members'] });

// Everything but build assets and public files (they carry no user data; next.config.mjs gives them nosniff).
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'] };
