import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_TEST_URL, redisReachable, redisTarget, uniquePrefix } from '../../test/helpers/redis';
import { startTcpProxy, type TcpProxy } from '../../test/helpers/tcp-proxy';
import { createRedisLink, type RedisLink } from '../redis';
import { createSharedCache } from './shared-cache';

const reachable = await redisReachable();
if (!reachable) console.log(`shared-cache: no Redis at ${REDIS_TEST_URL} — the Redis tests are skipped (set REDIS_TEST_URL).`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ready = (l: RedisLink) => (l.ready() ? Promise.resolve() : new Promise<void>((r) => l.client.once('ready', () => r())));

/** One "instance": its own Redis connection and its own in-process layer, over the shared Redis. */
function instance(link: RedisLink | null, ttlMs = 5_000) {
  return createSharedCache<bigint>({ name: 'holdings', ttlMs: () => ttlMs, link: () => link, encode: String, decode: BigInt, lockMs: () => 1_000, pollMs: 10 });
}

describe('shared cache without Redis', () => {
  it('is the in-process cache: coalesces and caches', async () => {
    const cache = instance(null);
    let loads = 0;
    const load = async () => (await sleep(20), BigInt(++loads));
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1n, 1n]);
    expect(await cache.get('k', load)).toBe(1n);
    await cache.invalidate('k');
    expect(await cache.get('k', load)).toBe(2n);
  });
});

describe.skipIf(!reachable)('shared cache over a real Redis (two instances)', () => {
  const links: RedisLink[] = [];
  let prefix: string;
  const link = async (url = REDIS_TEST_URL) => {
    const l = createRedisLink({ url, keyPrefix: prefix, commandTimeoutMs: 150 });
    links.push(l);
    await ready(l);
    return l;
  };
  beforeAll(() => void (prefix = uniquePrefix('shared-cache')));
  afterAll(async () => Promise.all(links.map((l) => l.close())));

  it('N concurrent misses over two instances make ONE upstream call; the other instance reads it from Redis', async () => {
    const [a, b] = [instance(await link()), instance(await link())];
    let loads = 0;
    const load = async () => (loads++, await sleep(80), 7n);
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).get('one', load)));
    expect(all).toEqual(Array(20).fill(7n));
    expect(loads).toBe(1);
    const c = instance(await link()); // a third instance, cold in process
    expect(await c.get('one', load)).toBe(7n);
    expect(loads).toBe(1);
  });

  it('an invalidation on one instance reaches the others at once (Redis key deleted, pub/sub drops local copies)', async () => {
    const [a, b] = [instance(await link()), instance(await link())];
    let balance = 1n;
    const load = async () => balance;
    expect(await a.get('inv', load)).toBe(1n);
    expect(await b.get('inv', load)).toBe(1n);
    balance = 0n;
    await a.invalidate('inv');
    await expect.poll(() => b.get('inv', load), { timeout: 1_000, interval: 10 }).toBe(0n);
    expect(await a.get('inv', load)).toBe(0n);
  });

  it('a value read before an invalidation is not stored after it', async () => {
    const [a, b] = [instance(await link()), instance(await link())];
    let release!: () => void;
    const slow = async () => (await new Promise<void>((r) => (release = r)), 1n);
    const pending = a.get('race', slow);
    await sleep(30);
    await b.invalidate('race'); // the ledger changed while a's upstream call was in flight
    release();
    expect(await pending).toBe(1n); // that caller gets what it read...
    expect(await b.get('race', async () => 0n)).toBe(0n); // ...but nobody is served it afterwards
    expect(await a.get('race', async () => 5n)).toBe(0n);
  });

  it('when the lock holder fails, a waiter loads instead of waiting out the lock', async () => {
    const [a, b] = [instance(await link()), instance(await link())];
    const failing = a.get('fail', async () => (await sleep(40), Promise.reject(new Error('indexer down'))));
    await sleep(5);
    const waiting = b.get('fail', async () => 3n);
    await expect(failing).rejects.toThrow('indexer down');
    expect(await waiting).toBe(3n);
  });

  describe('Redis down or hanging', () => {
    let proxy: TcpProxy;
    beforeAll(async () => void (proxy = await startTcpProxy(redisTarget())));
    afterAll(async () => proxy.close());

    it('falls back to the in-process cache, with one warning per interval, and recovers', async () => {
      const cache = instance(await link(proxy.url));
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      (globalThis as { __walletgateRedisWarned?: number }).__walletgateRedisWarned = undefined;
      await proxy.kill();
      let loads = 0;
      const load = async () => BigInt(++loads);
      for (const key of ['d1', 'd2', 'd3', 'd4']) expect(await cache.get(key, load)).toBeGreaterThan(0n);
      expect(await cache.get('d1', load)).toBe(1n); // still cached in process
      expect(loads).toBe(4);
      expect(warn.mock.calls.filter(([m]) => String(m).includes('Redis unavailable'))).toHaveLength(1);
      warn.mockRestore();
      await proxy.restore();
    });

    it('an instance that started while Redis was down still receives invalidations once Redis is back', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      await proxy.kill();
      const late = createRedisLink({ url: proxy.url, keyPrefix: prefix, commandTimeoutMs: 150 });
      links.push(late);
      const b = instance(late);
      let balance = 1n;
      expect(await b.get('late', async () => balance)).toBe(1n); // subscribes (queued) while Redis is down
      await proxy.restore();
      await ready(late);
      const a = instance(await link());
      balance = 0n;
      await expect.poll(async () => (await a.invalidate('late'), b.get('late', async () => balance)), { timeout: 2_000, interval: 100 }).toBe(0n);
      vi.restoreAllMocks();
    });

    it('a Redis that stops answering costs one command timeout, not a failure', async () => {
      const l = await link(proxy.url);
      const cache = instance(l);
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      proxy.stall();
      const started = Date.now();
      expect(await cache.get('hang', async () => 9n)).toBe(9n);
      console.log(`shared-cache: answered with a hanging Redis in ${Date.now() - started} ms`);
      vi.restoreAllMocks();
      await proxy.restore();
    });
  });
});
