import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('configuration', () => {
  it('works with no variables in development: embedded database, demo mode, mainnets', () => {
    const e = loadEnv({ NODE_ENV: 'development', SESSION_SECRET: 'x'.repeat(32) });
    expect(e).toMatchObject({ appUrl: 'http://localhost:3000', demoMode: true, databaseUrl: undefined, nonceTtlSeconds: 300, holdingsCacheTtlMs: 15_000 });
    expect(e.networks).toEqual({ ethereum: 1, cardano: 'mainnet', near: 'mainnet', tezos: 'mainnet', ergo: 'mainnet' });
    expect(e.endpoints).toEqual({});
  });

  it('requires APP_URL and a 32-character SESSION_SECRET in production, with a clear message', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/APP_URL is required/);
    expect(() => loadEnv({ NODE_ENV: 'production', APP_URL: 'https://a.test' })).toThrow(/SESSION_SECRET/);
    expect(() => loadEnv({ NODE_ENV: 'production', APP_URL: 'https://a.test', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('turns demo mode off in production unless asked', () => {
    const prod = { NODE_ENV: 'production', APP_URL: 'https://a.test', SESSION_SECRET: 'x'.repeat(32) };
    expect(loadEnv(prod).demoMode).toBe(false);
    expect(loadEnv({ ...prod, DEMO_MODE: 'true' }).demoMode).toBe(true);
  });

  it('names the bad variable', () => {
    expect(() => loadEnv({ CARDANO_NETWORK: 'testnet' })).toThrow(/CARDANO_NETWORK/);
    expect(() => loadEnv({ ETHEREUM_RPC_URL: 'ftp://x' })).toThrow(/ETHEREUM_RPC_URL/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('builds endpoints with the shared timeout', () => {
    const e = loadEnv({ SESSION_SECRET: 'x'.repeat(32), NEAR_RPC_URL: 'https://rpc.test', UPSTREAM_TIMEOUT_MS: '1500' });
    expect(e.endpoints).toEqual({ near: { url: 'https://rpc.test', timeoutMs: 1500 } });
  });

  it('bearer tokens live 15 minutes by default, 60 s to 1 day', () => {
    expect(loadEnv({ SESSION_SECRET: 'x'.repeat(32) }).jwtTtlSeconds).toBe(900);
    expect(loadEnv({ SESSION_SECRET: 'x'.repeat(32), JWT_TTL_SECONDS: '3600' }).jwtTtlSeconds).toBe(3600);
    expect(() => loadEnv({ JWT_TTL_SECONDS: '59' })).toThrow(/JWT_TTL_SECONDS/);
    expect(() => loadEnv({ JWT_TTL_SECONDS: '86401' })).toThrow(/JWT_TTL_SECONDS/);
  });
  it('Redis is optional; redis:// or rediss:// (TLS, Upstash / Vercel KV) only', () => {
    const base = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadEnv(base).redis).toBeNull();
    expect(loadEnv({ ...base, REDIS_URL: 'rediss://default:pw@eu1-x.upstash.io:6379' }).redis).toEqual({ url: 'rediss://default:pw@eu1-x.upstash.io:6379', keyPrefix: 'walletgate:', commandTimeoutMs: 150 });
    expect(() => loadEnv({ ...base, REDIS_URL: 'https://eu1-x.upstash.io' })).toThrow(/REDIS_URL/);
    expect(() => loadEnv({ ...base, REDIS_URL: 'redis://x', REDIS_KEY_PREFIX: 'bad prefix' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('rate limits and the trusted proxy have safe defaults and are validated', () => {
    const e = loadEnv({ SESSION_SECRET: 'x'.repeat(32) });
    expect(e.trustedProxy).toBe('none');
    expect(e.rateLimits).toEqual({ ipPerMinute: 60, addressPerMinute: 30, userPerMinute: 30, untrustedPerMinute: 1200 });
    expect(loadEnv({ TRUSTED_PROXY: 'vercel' }).trustedProxy).toBe('vercel');
    expect(loadEnv({ TRUSTED_PROXY: '2' }).trustedProxy).toBe(2);
    expect(() => loadEnv({ TRUSTED_PROXY: 'yes' })).toThrow(/TRUSTED_PROXY/);
    expect(() => loadEnv({ RATE_LIMIT_IP_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_IP_PER_MINUTE/);
  });

  it('APP_URL is an origin (an IPv6 literal or an underscore host works); APP_NAME fits an EIP-4361 statement', () => {
    const ok = (v: Record<string, string>) => loadEnv({ SESSION_SECRET: 'x'.repeat(32), ...v });
    expect(ok({ APP_URL: 'http://[::1]:3000' }).appUrl).toBe('http://[::1]:3000');
    expect(ok({ APP_URL: 'http://my_host.internal:8080/' }).appUrl).toBe('http://my_host.internal:8080');
    for (const bad of ['https://a.test/app', 'https://user@a.test', 'https://a.test/?x=1', 'ftp://a.test'])
      expect(() => ok({ APP_URL: bad })).toThrow(/APP_URL/);
    expect(() => ok({ APP_NAME: 'walletgate — beta' })).toThrow(/APP_NAME/);
    expect(ok({ APP_NAME: 'My dApp (beta)' }).appName).toBe('My dApp (beta)');
  });
});
