import { describe, expect, it } from 'vitest';
import { createCache } from './cache';

describe('holdings cache', () => {
  it('serves a value until its TTL, then loads again', async () => {
    let now = 0;
    let loads = 0;
    const cache = createCache<number>(() => 1000, () => now);
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('coalesces concurrent misses into one upstream call', async () => {
    let loads = 0;
    const cache = createCache<number>(() => 1000);
    let release!: (v: number) => void;
    const load = () => (loads++, new Promise<number>((r) => (release = r)));
    const all = Promise.all(Array.from({ length: 10 }, () => cache.get('k', load)));
    release(7);
    expect(await all).toEqual(Array(10).fill(7));
    expect(loads).toBe(1);
  });

  it('does not cache failures', async () => {
    const cache = createCache<number>(() => 1000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 5)).toBe(5);
  });

  it('ttl 0 disables caching but still coalesces', async () => {
    let loads = 0;
    const cache = createCache<number>(() => 0);
    const load = async () => ++loads;
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(loads).toBe(1);
    await cache.get('k', load);
    expect(loads).toBe(2);
  });

  it('invalidate drops a value so the next read loads', async () => {
    let loads = 0;
    const cache = createCache<number>(() => 60_000);
    const load = async () => ++loads;
    await cache.get('k', load);
    cache.invalidate('k');
    expect(await cache.get('k', load)).toBe(2);
  });
});
