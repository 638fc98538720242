/**
 * The gate at the edge of the members area (Node.js runtime, every matched request): read the session cookie,
 * ask the gate, redirect. Kept small, and never the only check: the members page asks the same gate again.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { readSessionCookie, SESSION_COOKIE } from './lib/auth/session-cookie';
import { checkAccess } from './lib/gate/gate';

export async function proxy(req: NextRequest) {
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

export const config = { matcher: ['/members', '/members/:path*'] };
