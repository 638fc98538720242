/**
 * A small TTL cache with single-flight: concurrent misses for one key share one upstream call.
 * Failures are not cached (the next request tries again); ttlMs 0 disables caching but still coalesces.
 */
export interface CachedLoader<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  invalidate(key: string): void;
  clear(): void;
}

/** `ttlMs` may depend on the value (an entry that carries its own expiry). */
export function createCache<V>(ttlMs: (value: V) => number, now: () => number = Date.now, maxEntries = 10_000): CachedLoader<V> {
  const values = new Map<string, { value: V; expires: number }>();
  const inflight = new Map<string, Promise<V>>();
  return {
    async get(key, load) {
      const hit = values.get(key);
      if (hit && hit.expires > now()) return hit.value;
      const pending = inflight.get(key);
      if (pending) return pending;
      const started = load()
        .then((value) => {
          const ttl = ttlMs(value);
          if (ttl > 0 && inflight.get(key) === started) {
            if (values.size >= maxEntries) values.delete(values.keys().next().value as string);
            values.set(key, { value, expires: now() + ttl });
          }
          return value;
        })
        .finally(() => {
          if (inflight.get(key) === started) inflight.delete(key);
        });
      inflight.set(key, started);
      return started;
    },
    invalidate(key) {
      values.delete(key);
      inflight.delete(key);
    },
    clear() {
      values.clear();
      inflight.clear();
    },
  };
}
