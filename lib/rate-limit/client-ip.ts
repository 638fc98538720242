/**
 * Which client a request comes from, for rate limits. A header names the client only when a proxy we trust wrote
 * it: `next start` itself fills x-forwarded-for with the socket address only when the request has none
 * (next/dist/server/base-server.js, `??=`), so a client can always send its own. Hence TRUSTED_PROXY:
 *  - 'none' (default): no header is believed → null (callers use one shared bucket);
 *  - 'vercel': Vercel overwrites x-real-ip and x-forwarded-for with the client's address → x-real-ip, else the first hop;
 *  - N: N proxies of ours each append the address they saw → the N-th x-forwarded-for entry from the right.
 * IPv6 clients are grouped by /64 (one host usually holds a whole /64).
 */
import { isIP } from 'node:net';

export type TrustedProxy = 'none' | 'vercel' | number;

export function clientIp(headers: Headers, trusted: TrustedProxy): string | null {
  if (trusted === 'none') return null;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  if (trusted === 'vercel') return normalize(headers.get('x-real-ip')?.trim()) ?? normalize(hops[0]);
  return hops.length >= trusted ? normalize(hops[hops.length - trusted]) : null;
}

function normalize(raw: string | undefined): string | null {
  if (!raw) return null;
  const ip = raw.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const v = isIP(ip);
  if (v === 4) return ip;
  return v === 6 ? `${expand6(ip).slice(0, 4).join(':')}::/64` : null;
}

function expand6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
