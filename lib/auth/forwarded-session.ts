/**
 * The proxy's database answer, handed to the page it forwards to, so a gated request costs one round trip.
 *
 * The page never takes a header's word for it (CVE-2025-29927: a request may reach the page without the proxy).
 * The value is HMAC-SHA256'd with a key derived from SESSION_SECRET, bound to this request's session cookie
 * (SHA-256 of its value) and valid for a few seconds; anything that does not verify is ignored and the page does its
 * own lookup. The proxy drops any copy a client sent, and Next keeps forwarded request headers off the response.
 * Why not a per-session cache: revocation (logout, unlink) would have to reach every instance; this holds nothing.
 * No server-only marker: proxy.ts imports it.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '../env';
import type { SessionContext } from './session-context';

export const FORWARDED_SESSION_HEADER = 'x-walletgate-session';
const LIFETIME_MS = 10_000; // proxy → page is milliseconds; the margin covers clock skew between instances
const MAX_VALUE_LENGTH = 8 * 1024; // larger contexts (many wallets) are not forwarded: the page looks them up itself

let derived: { secret: string; key: Buffer } | undefined;
function macKey(): Buffer {
  const secret = env().sessionSecret;
  if (derived?.secret !== secret) derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'walletgate', 'forwarded-session v1', 32)) };
  return derived.key;
}

const cookieHash = (cookie: string) => createHash('sha256').update(cookie).digest('base64url');
const mac = (body: string) => createHmac('sha256', macKey()).update(body).digest();

/** The header value for `context`, bound to `cookie`; null when it would be too large to forward. */
export function sealForwardedSession(context: SessionContext, cookie: string, now = Date.now()): string | null {
  const body = Buffer.from(JSON.stringify({ v: 1, c: cookieHash(cookie), e: now + LIFETIME_MS, x: context })).toString('base64url');
  const value = `${body}.${mac(body).toString('base64url')}`;
  return value.length <= MAX_VALUE_LENGTH ? value : null;
}

/** The forwarded context when `value` verifies for `cookie` and has not expired; otherwise null. */
export function openForwardedSession(value: string | null | undefined, cookie: string | undefined, now = Date.now()): SessionContext | null {
  if (!value || !cookie || value.length > MAX_VALUE_LENGTH) return null;
  const [body, tag, extra] = value.split('.');
  if (!body || !tag || extra !== undefined) return null;
  const given = Buffer.from(tag, 'base64url');
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const sealed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v: number; c: string; e: number; x: SessionContext };
  if (sealed.v !== 1 || !(sealed.e > now) || sealed.c !== cookieHash(cookie)) return null;
  return sealed.x;
}
