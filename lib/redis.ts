import 'server-only';
/**
 * The one Redis connection (REDIS_URL; `rediss://` is TLS, as Upstash and Vercel KV give it). Optional: without it
 * every instance keeps its state in process. Redis is a speed-up and a coordinator, never a dependency: commands
 * time out fast (REDIS_COMMAND_TIMEOUT_MS), nothing queues while it is down, and callers fall back to memory.
 */
import { Redis } from 'ioredis';
import { env } from './env';

export interface RedisConfig {
  url: string;
  keyPrefix: string;
  commandTimeoutMs: number;
}

export interface RedisLink {
  /** Commands. Not ready (connecting, down) → `ready()` is false and callers skip Redis. */
  client: Redis;
  /** Pub/sub only (a subscribed connection can run nothing else). */
  subscriber: Redis;
  prefix: string;
  ready(): boolean;
  /** Delivers every message published on `topic` by any instance (this one included). */
  onMessage(topic: string, handler: (message: string) => void): void;
  publish(topic: string, message: string): Promise<void>;
  close(): Promise<void>;
}

const WARN_EVERY_MS = 30_000;
const warned = globalThis as unknown as { __walletgateRedisWarned?: number };

/** Logs that Redis failed, at most once per 30 s per process (a down Redis must not flood the logs). */
export function warnRedis(what: string, e: unknown, now = Date.now()): boolean {
  if (now - (warned.__walletgateRedisWarned ?? -Infinity) < WARN_EVERY_MS) return false;
  warned.__walletgateRedisWarned = now;
  console.warn(`walletgate: Redis unavailable (${what}: ${e instanceof Error ? e.message : String(e)}); using in-process state until it is back.`);
  return true;
}

export function createRedisLink(cfg: RedisConfig): RedisLink {
  const common = {
    connectTimeout: 1000,
    // Reconnect forever, at most every 2 s; no command waits for it.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
    maxRetriesPerRequest: 0,
    lazyConnect: false,
  };
  const client = new Redis(cfg.url, { ...common, commandTimeout: cfg.commandTimeoutMs, enableOfflineQueue: false });
  // The subscriber queues its SUBSCRIBE until connected (even if Redis is down at start) and re-subscribes after
  // every reconnect. Invalidations published while it is disconnected are missed: local copies then live out their TTL.
  const subscriber = new Redis(cfg.url, { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true });
  client.on('error', (e) => warnRedis('connection', e));
  subscriber.on('error', (e) => warnRedis('subscriber', e));
  const handlers = new Map<string, ((message: string) => void)[]>();
  const channel = (topic: string) => `${cfg.keyPrefix}${topic}`;
  subscriber.on('message', (name: string, message: string) => {
    for (const fn of handlers.get(name) ?? []) fn(message);
  });
  return {
    client,
    subscriber,
    prefix: cfg.keyPrefix,
    ready: () => client.status === 'ready',
    onMessage(topic, handler) {
      const name = channel(topic);
      if (!handlers.has(name)) subscriber.subscribe(name).catch((e) => warnRedis('subscribe', e));
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    async publish(topic, message) {
      await client.publish(channel(topic), message);
    },
    async close() {
      client.disconnect();
      subscriber.disconnect();
    },
  };
}

const store = globalThis as unknown as { __walletgateRedis?: RedisLink | null };

/** The process's Redis link, created on first use; null when REDIS_URL is unset. */
export function redis(): RedisLink | null {
  if (store.__walletgateRedis === undefined) {
    const cfg = env().redis;
    store.__walletgateRedis = cfg ? createRedisLink(cfg) : null;
  }
  return store.__walletgateRedis;
}
