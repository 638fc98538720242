/**
 * Rate limits (rate-limiter-flexible): per client IP, per (chain, address) and per user, one bucket per kind of
 * request, each a fixed one-minute window. With Redis the counters are shared by every instance; a memory limiter
 * is the insurance while Redis is down (then each instance counts alone). Without Redis, memory only.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { warnRedis, type RedisLink } from '../redis';
import { clientIp, type TrustedProxy } from './client-ip';

export const LIMITED_KINDS = ['nonce', 'verify', 'link', 'actions', 'demo'] as const;
export type LimitedKind = (typeof LIMITED_KINDS)[number];

export interface RateLimits {
  ipPerMinute: number;
  addressPerMinute: number;
  userPerMinute: number;
  /** The one bucket all clients share when no proxy is trusted to name them. */
  untrustedPerMinute: number;
}

/** What a request is about: its body (chain + address are read from it when present) and the signed-in user. */
export interface LimitSubject {
  body?: unknown;
  userId?: string;
}

type Scope = 'ip' | 'anyone' | 'address' | 'user';

export function createRateLimiter(o: { limits: RateLimits; trustedProxy: TrustedProxy; link: RedisLink | null }) {
  const points: Record<Scope, number> = {
    ip: o.limits.ipPerMinute,
    anyone: o.limits.untrustedPerMinute,
    address: o.limits.addressPerMinute,
    user: o.limits.userPerMinute,
  };
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiter = (kind: LimitedKind, scope: Scope) => {
    const name = `${kind}:${scope}`;
    let l = limiters.get(name);
    if (!l) {
      const opts = { points: points[scope], duration: 60, keyPrefix: `${o.link?.prefix ?? ''}rl:${name}` };
      const memory = new RateLimiterMemory(opts);
      l = o.link ? new RateLimiterRedis({ ...opts, storeClient: o.link.client, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
      limiters.set(name, l);
    }
    return l;
  };

  async function consume(kind: LimitedKind, scope: Scope, key: string) {
    try {
      await limiter(kind, scope).consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new AppError('rate_limited', `Too many attempts — try again in ${seconds} s.`, { headers: { 'retry-after': String(seconds) } });
      }
      // Neither Redis nor the insurance limiter answered: let the request through rather than fail it.
      warnRedis('rate limit', e);
    }
  }

  /** Throws AppError('rate_limited') (429, Retry-After) when any bucket this request counts against is empty. */
  return async function check(headers: Headers, kind: LimitedKind, subject: LimitSubject = {}): Promise<void> {
    if (o.link && !o.link.ready()) warnRedis('rate limit', new Error('not connected'));
    const ip = clientIp(headers, o.trustedProxy);
    await consume(kind, ip ? 'ip' : 'anyone', ip ?? 'anyone');
    const account = accountKey(subject.body);
    if (account) await consume(kind, 'address', account);
    if (subject.userId) await consume(kind, 'user', subject.userId);
  };
}

/** `chain:address` from a request body, when it names both (EVM addresses are case-insensitive). */
function accountKey(body: unknown): string | null {
  const { chain, address } = (body ?? {}) as { chain?: unknown; address?: unknown };
  if (typeof chain !== 'string' || typeof address !== 'string' || !address || chain.length > 32 || address.length > 256) return null;
  return `${chain}:${/^0x[0-9a-f]+$/i.test(address) ? address.toLowerCase() : address}`;
}
