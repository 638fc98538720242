/**
 * The cache every instance shares: the in-process cache in front, Redis behind it. A miss takes a short Redis lock
 * (SET NX PX) so N instances missing one key make one upstream call; the others poll briefly for its value.
 * Invalidation deletes the Redis value and the lock and is published, so every instance drops its own copy.
 * Any Redis failure (down, slow, not configured) falls back to loading in process: Redis is never why a call fails.
 */
import { randomBytes } from 'node:crypto';
import type { RedisLink } from '../redis';
import { warnRedis } from '../redis';
import { createCache, type CachedLoader } from './cache';

export interface SharedCacheOptions<V> {
  /** Names the Redis keys and the invalidation topic. */
  name: string;
  ttlMs: () => number;
  link: () => RedisLink | null;
  encode: (value: V) => string;
  decode: (text: string) => V;
  /** How long one loader may hold the lock (its upstream timeout plus a margin); waiters give up after it. */
  lockMs: () => number;
  pollMs?: number;
  now?: () => number;
}

export interface SharedCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Drops `key` here, in Redis, and (through pub/sub) on every other instance. */
  invalidate(key: string): Promise<void>;
  clear(): void;
}

interface Entry<V> {
  value: V;
  expires: number;
}

// Writes the value only while this loader still holds its lock: an invalidation that came in meanwhile deleted the
// lock, so a value read before the change is never stored after it.
const STORE_IF_LOCKED = `if redis.call('get', KEYS[2]) == ARGV[1] then
  redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) redis.call('del', KEYS[2]) return 1 end return 0`;
const RELEASE_IF_LOCKED = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

const FAILED = Symbol('redis failed');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSharedCache<V>(o: SharedCacheOptions<V>): SharedCache<V> {
  const now = o.now ?? Date.now;
  const pollMs = o.pollMs ?? 25;
  const local: CachedLoader<Entry<V>> = createCache<Entry<V>>((e) => e.expires - now(), now);
  const topic = `${o.name}:invalidate`;
  let subscribedTo: RedisLink | null = null;

  const live = (): RedisLink | null => {
    const r = o.link();
    if (!r) return null;
    if (subscribedTo !== r) {
      subscribedTo = r;
      r.onMessage(topic, (key) => local.invalidate(key));
    }
    return r.ready() ? r : (warnRedis(o.name, new Error('not connected')), null);
  };
  const attempt = async <T>(op: () => Promise<T>): Promise<T | typeof FAILED> => {
    try {
      return await op();
    } catch (e) {
      warnRedis(o.name, e);
      return FAILED;
    }
  };
  const fresh = async (load: () => Promise<V>, ttl: number): Promise<Entry<V>> => ({ value: await load(), expires: now() + ttl });
  const wrap = (e: Entry<V>) => JSON.stringify({ v: o.encode(e.value), e: e.expires });
  const unwrap = (text: string): Entry<V> => {
    const { v, e } = JSON.parse(text) as { v: string; e: number };
    return { value: o.decode(v), expires: e };
  };

  async function loadShared(key: string, load: () => Promise<V>): Promise<Entry<V>> {
    const ttl = o.ttlMs();
    const r = ttl > 0 ? live() : null;
    if (!r) return fresh(load, ttl);
    const valueKey = `${r.prefix}${o.name}:${key}`;
    const lockKey = `${valueKey}:lock`;
    const deadline = now() + o.lockMs();
    for (;;) {
      const cached = await attempt(() => r.client.get(valueKey));
      if (cached === FAILED) return fresh(load, ttl);
      if (cached) return unwrap(cached);
      const token = randomBytes(9).toString('base64url');
      const locked = await attempt(() => r.client.set(lockKey, token, 'PX', o.lockMs(), 'NX'));
      if (locked === FAILED) return fresh(load, ttl);
      if (locked === 'OK') {
        let entry: Entry<V>;
        try {
          entry = await fresh(load, ttl);
        } catch (e) {
          await attempt(() => r.client.eval(RELEASE_IF_LOCKED, 1, lockKey, token));
          throw e;
        }
        await attempt(() => r.client.eval(STORE_IF_LOCKED, 2, valueKey, lockKey, token, wrap(entry), String(ttl)));
        return entry;
      }
      // Another instance is loading: wait for its value; if its lock goes without a value, try to take it.
      while (now() < deadline) {
        await sleep(pollMs);
        const seen = await attempt(() => r.client.multi().get(valueKey).exists(lockKey).exec());
        if (seen === FAILED || !seen) return fresh(load, ttl);
        const [[, value], [, held]] = seen as [[unknown, string | null], [unknown, number]];
        if (value) return unwrap(value);
        if (held === 0) break;
      }
      if (now() >= deadline) return fresh(load, ttl);
    }
  }

  return {
    async get(key, load) {
      return (await local.get(key, () => loadShared(key, load))).value;
    },
    async invalidate(key) {
      local.invalidate(key);
      const r = live();
      if (!r) return;
      const valueKey = `${r.prefix}${o.name}:${key}`;
      await attempt(() => r.client.del(valueKey, `${valueKey}:lock`));
      await attempt(() => r.publish(topic, key));
    },
    clear: () => local.clear(),
  };
}
