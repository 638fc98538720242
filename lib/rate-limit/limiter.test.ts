import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_TEST_URL, redisReachable, redisTarget, uniquePrefix } from '../../test/helpers/redis';
import { startTcpProxy } from '../../test/helpers/tcp-proxy';
import { isAppError } from '../errors';
import { errorResponse } from '../http';
import { createRedisLink, type RedisLink } from '../redis';
import { createRateLimiter, type RateLimits } from './limiter';

const reachable = await redisReachable();
if (!reachable) console.log(`rate limits: no Redis at ${REDIS_TEST_URL} — the shared-counter tests are skipped.`);

const limits: RateLimits = { ipPerMinute: 3, addressPerMinute: 2, userPerMinute: 2, untrustedPerMinute: 5 };
const from = (ip: string) => new Headers({ 'x-real-ip': ip });
const eth = (address: string) => ({ body: { chain: 'ethereum', address } });

/** Runs `n` checks and returns how many were let through before the first 429 (and that 429). */
async function countAllowed(check: () => Promise<void>, n: number) {
  let allowed = 0;
  for (let i = 0; i < n; i++) {
    try {
      await check();
      allowed++;
    } catch (e) {
      if (!isAppError(e) || e.code !== 'rate_limited') throw e;
    }
  }
  return allowed;
}

describe('rate limits in memory (no Redis)', () => {
  it('per IP: the limit, then 429 rate_limited with Retry-After in the usual error shape', async () => {
    const check = createRateLimiter({ limits, trustedProxy: 'vercel', link: null });
    for (let i = 0; i < 3; i++) await check(from('203.0.113.1'), 'nonce');
    const err = await check(from('203.0.113.1'), 'nonce').catch((e) => e);
    const res = errorResponse(err);
    expect(res.status).toBe(429);
    const seconds = Number(res.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: `Too many attempts — try again in ${seconds} s.` } });
    await check(from('203.0.113.2'), 'nonce'); // another client is not affected
    await check(from('203.0.113.1'), 'verify'); // nor another kind of request
  });

  it('per (chain, address), whatever the IP — and EVM addresses in any case are one address', async () => {
    const check = createRateLimiter({ limits, trustedProxy: 'vercel', link: null });
    await check(from('198.51.100.1'), 'verify', eth('0xAbC0000000000000000000000000000000000001'));
    await check(from('198.51.100.2'), 'verify', eth('0xabc0000000000000000000000000000000000001'));
    await expect(check(from('198.51.100.3'), 'verify', eth('0xABC0000000000000000000000000000000000001'))).rejects.toMatchObject({ code: 'rate_limited' });
    await check(from('198.51.100.3'), 'verify', eth('0x0000000000000000000000000000000000000002'));
  });

  it('per user, for signed actions', async () => {
    const check = createRateLimiter({ limits, trustedProxy: 'vercel', link: null });
    expect(await countAllowed(() => check(from(`192.0.2.${Math.floor(Math.random() * 250)}`), 'actions', { userId: 'u1' }), 5)).toBe(2);
    await check(from('192.0.2.251'), 'actions', { userId: 'u2' });
  });

  it('a body cannot name a user: only the session does', async () => {
    const check = createRateLimiter({ limits, trustedProxy: 'vercel', link: null });
    for (let i = 0; i < 3; i++) await check(from(`192.0.2.${i}`), 'actions', { body: { userId: 'victim' } });
    await check(from('192.0.2.9'), 'actions', { userId: 'victim' });
  });

  it('with no trusted proxy, x-forwarded-for is ignored and every client shares one (larger) bucket', async () => {
    const check = createRateLimiter({ limits, trustedProxy: 'none', link: null });
    const spoofing = () => check(new Headers({ 'x-forwarded-for': `10.0.0.${Math.floor(Math.random() * 250)}` }), 'nonce');
    expect(await countAllowed(spoofing, 8)).toBe(5);
  });
});

describe.skipIf(!reachable)('rate limits on a real Redis (shared by instances)', () => {
  const links: RedisLink[] = [];
  let prefix: string;
  const link = async (url = REDIS_TEST_URL) => {
    const l = createRedisLink({ url, keyPrefix: prefix, commandTimeoutMs: 150 });
    links.push(l);
    if (!l.ready()) await new Promise((r) => l.client.once('ready', r));
    return l;
  };
  beforeAll(() => void (prefix = uniquePrefix('rate-limit')));
  afterAll(async () => Promise.all(links.map((l) => l.close())));

  it('two instances count against one bucket', async () => {
    const a = createRateLimiter({ limits, trustedProxy: 'vercel', link: await link() });
    const b = createRateLimiter({ limits, trustedProxy: 'vercel', link: await link() });
    let i = 0;
    const alternate = () => (i++ % 2 ? a : b)(from('203.0.113.50'), 'verify');
    expect(await countAllowed(alternate, 6)).toBe(3);
  });

  it('Redis down: the memory insurance limiter still limits, and nothing fails with a 5xx', async () => {
    const proxy = await startTcpProxy(redisTarget());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const check = createRateLimiter({ limits, trustedProxy: 'vercel', link: await link(proxy.url) });
      await proxy.kill();
      expect(await countAllowed(() => check(from('203.0.113.60'), 'nonce'), 6)).toBe(3);
      proxy.stall();
      await proxy.restore();
      proxy.stall(); // listening again but answering nothing: the client never gets ready, the insurance limiter counts
      expect(await countAllowed(() => check(from('203.0.113.61'), 'nonce'), 5)).toBe(3);
    } finally {
      warn.mockRestore();
      await proxy.close();
    }
  });
});
