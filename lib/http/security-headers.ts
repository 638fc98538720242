/**
 * Response headers for every page and API answer, composed around the members gate in proxy.ts:
 * a per-request nonce Content-Security-Policy (Next reads the nonce from the CSP request header and puts it on its
 * own scripts; 'strict-dynamic' lets those load the chunks and wallet SDKs they import), frame-ancestors 'none',
 * nosniff, Referrer-Policy, Permissions-Policy, no-store, HSTS in production over https, and a 400 (not a 500 from
 * the router's percent-decoding) for a path that does not decode. Third-party origins come from wallet-origins.ts.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '../env';
import { AppError } from '../errors';
import { errorResponse } from '../http';
import { originsOf } from './wallet-origins';

export interface PolicyOptions {
  /** `next dev` needs 'unsafe-eval' (React's dev tooling); a production build does not. */
  development: boolean;
  https: boolean;
}

export function contentSecurityPolicy(nonce: string, o: PolicyOptions): string {
  const list = (...items: string[]) => items.filter(Boolean).join(' ');
  const directives = [
    `default-src 'self'`,
    // 'wasm-unsafe-eval': the chain SDKs compile WebAssembly (Ergo, Cardano); it allows no JS eval.
    `script-src ${list(`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, `'wasm-unsafe-eval'`, o.development ? `'unsafe-eval'` : '')}`,
    // Wallet SDK dialogs (Beacon, NEAR Connect, WalletConnect) inject <style> and style="" without a nonce.
    `style-src 'self' 'unsafe-inline'`,
    `img-src ${list(`'self'`, 'data:', 'blob:', ...originsOf('img'))}`,
    `font-src 'self' data:`,
    `connect-src ${list(`'self'`, ...originsOf('connect'), o.development ? 'ws:' : '')}`,
    `frame-src ${list(`'self'`, ...originsOf('frame'))}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    o.https ? 'upgrade-insecure-requests' : '',
  ];
  return directives.filter(Boolean).join('; ');
}

/** The headers that do not depend on the request. HSTS only in production over https (never pin http://localhost). */
export function staticSecurityHeaders(o: { production: boolean; https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    // Denied outright: what no connector uses. usb/hid/bluetooth stay default: NEAR Connect's Ledger iframe asks for them.
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), display-capture=()',
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'cache-control': 'no-store',
    ...(o.production && o.https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** A path whose percent-escapes do not decode (`%FF`, `%ZZ`, `%E0%A4%A`) would make the router throw. */
export function decodesCleanly(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Carries `headers` to the page render, the way NextResponse.next({ request: { headers } }) does. */
function forwardRequestHeaders(res: Response, headers: Headers): void {
  const marker = NextResponse.next({ request: { headers } });
  for (const [k, v] of marker.headers) if (k.startsWith('x-middleware-request-') || k === 'x-middleware-override-headers') res.headers.set(k, v);
}

/** The gate gets the request headers the page will see (CSP nonce already set) and may add to them. */
type Gate = (req: NextRequest, forward: Headers) => Promise<Response>;

/**
 * `proxy = withSecurityHeaders(gate, { gated, internalHeaders })`: the gate runs only under `gated` paths; every answer
 * gets the headers. `internalHeaders` are request headers only the server writes: a client's copy is dropped.
 */
export function withSecurityHeaders(gate: Gate, o: { gated: readonly string[]; internalHeaders?: readonly string[] }) {
  const isGated = (p: string) => o.gated.some((g) => p === g || p.startsWith(`${g}/`));
  return async function proxy(req: NextRequest): Promise<Response> {
    const e = env();
    const https = e.appUrl.startsWith('https:');
    const pathname = new URL(req.url).pathname;
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
    const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development', https });
    let res: Response;
    if (!decodesCleanly(pathname)) res = errorResponse(new AppError('malformed_input', 'The path has a percent-escape that does not decode.'));
    else {
      const forwarded = new Headers(req.headers);
      for (const name of o.internalHeaders ?? []) forwarded.delete(name);
      forwarded.set('content-security-policy', csp);
      forwarded.set('x-nonce', nonce);
      res = isGated(pathname) ? await gate(req, forwarded) : NextResponse.next();
      forwardRequestHeaders(res, forwarded);
    }
    res.headers.set('content-security-policy', csp);
    for (const [k, v] of Object.entries(staticSecurityHeaders({ production: e.production, https }))) res.headers.set(k, v);
    return res;
  };
}
