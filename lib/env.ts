/**
 * Configuration, validated once with zod. A bad value fails fast with a message that names the variable.
 * Browser-safe values reach the client only through publicConfig() (passed as props by server components).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isStatement } from './auth/message';
import type { ChainId, ChainNetworks, ConnectorContext, Endpoint } from './chains/types';

const bool = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => ['true', '1', 'on'].includes(v));
const url = z.url({ protocol: /^https?$/ });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const isOrigin = (u: string) => {
  const x = new URL(u);
  return !x.username && !x.password && x.pathname === '/' && !x.search && !x.hash;
};
// Newest first: the first seals cookies and signs tokens, every one still opens them (rotation without sign-outs).
const secrets = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()))
  .pipe(z.array(z.string().min(32, 'SESSION_SECRET must be at least 32 characters (each, in a comma-separated list)')).max(8))
  .refine((list) => new Set(list).size === list.length, 'SESSION_SECRET lists the same secret twice');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_URL: url.refine(isOrigin, 'APP_URL must be an origin: scheme://host[:port] with no path, user or query').optional(),
  APP_NAME: z.string().min(1).max(64).refine(isStatement, 'APP_NAME must be ASCII letters, digits, spaces or URI punctuation (it is part of the EIP-4361 statement)').default('walletgate'),
  SESSION_SECRET: secrets.optional(),
  SESSION_TTL_SECONDS: int(60, 90 * 86400).default(7 * 86400),
  JWT_TTL_SECONDS: int(60, 86400).default(900),
  DATABASE_URL: z.string().regex(/^(postgres(ql)?:\/\/|memory:\/\/)/, 'DATABASE_URL must be a postgres:// URL or memory://').optional(),
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  NONCE_TTL_SECONDS: int(30, 3600).default(300),
  CLOCK_SKEW_SECONDS: int(0, 600).default(30),
  ETHEREUM_CHAIN_ID: int(1, 2 ** 31).default(1),
  CARDANO_NETWORK: z.enum(['mainnet', 'preprod', 'preview']).default('mainnet'),
  NEAR_NETWORK: z.enum(['mainnet', 'testnet']).default('mainnet'),
  TEZOS_NETWORK: z.enum(['mainnet', 'ghostnet']).default('mainnet'),
  ERGO_NETWORK: z.enum(['mainnet', 'testnet']).default('mainnet'),
  ETHEREUM_RPC_URL: url.optional(),
  CARDANO_KOIOS_URL: url.optional(),
  NEAR_RPC_URL: url.optional(),
  TEZOS_TZKT_URL: url.optional(),
  ERGO_EXPLORER_URL: url.optional(),
  UPSTREAM_TIMEOUT_MS: int(100, 60_000).default(3000),
  HOLDINGS_CACHE_TTL_SECONDS: int(0, 3600).default(15),
  GATE_RULES: z.string().optional(),
  DEMO_MODE: bool.optional(),
  WALLETCONNECT_PROJECT_ID: z.string().regex(/^[0-9a-f]{32}$/i).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// (TLS) URL' }).optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/).default('walletgate:'),
  REDIS_COMMAND_TIMEOUT_MS: int(20, 5000).default(150),
  TRUSTED_PROXY: z.union([z.literal('vercel'), z.literal('none'), z.coerce.number().int().min(1).max(5)]).default('none'),
  RATE_LIMIT_IP_PER_MINUTE: int(1, 100_000).default(60),
  RATE_LIMIT_ADDRESS_PER_MINUTE: int(1, 100_000).default(30),
  RATE_LIMIT_USER_PER_MINUTE: int(1, 100_000).default(30),
  RATE_LIMIT_UNTRUSTED_PER_MINUTE: int(1, 1_000_000).default(1200),
});

export type Env = ReturnType<typeof loadEnv>;

const ENDPOINT_VARS = {
  ethereum: 'ETHEREUM_RPC_URL',
  cardano: 'CARDANO_KOIOS_URL',
  near: 'NEAR_RPC_URL',
  tezos: 'TEZOS_TZKT_URL',
  ergo: 'ERGO_EXPLORER_URL',
} as const satisfies Record<ChainId, keyof z.infer<typeof schema>>;

export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`walletgate: invalid configuration\n${lines.join('\n')}\nSee .env.example.`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.APP_URL) throw new Error('walletgate: APP_URL is required in production (the origin sign-in messages are bound to).');
  if (production && !e.SESSION_SECRET) throw new Error('walletgate: SESSION_SECRET (>= 32 characters) is required in production.');
  if (!e.SESSION_SECRET) console.warn('walletgate: SESSION_SECRET is not set; using a random one (sessions end when the server restarts).');

  const endpoints: Partial<Record<ChainId, Endpoint>> = {};
  for (const [chain, name] of Object.entries(ENDPOINT_VARS) as [ChainId, keyof typeof e][]) {
    const value = e[name];
    if (typeof value === 'string') endpoints[chain] = { url: value, timeoutMs: e.UPSTREAM_TIMEOUT_MS };
  }
  const networks: ChainNetworks = {
    ethereum: e.ETHEREUM_CHAIN_ID,
    cardano: e.CARDANO_NETWORK,
    near: e.NEAR_NETWORK,
    tezos: e.TEZOS_NETWORK,
    ergo: e.ERGO_NETWORK,
  };
  const sessionSecrets = e.SESSION_SECRET ?? [randomBytes(32).toString('base64url')];
  return {
    production,
    appUrl: new URL(e.APP_URL ?? 'http://localhost:3000').origin,
    appName: e.APP_NAME,
    /** Newest first: [0] seals cookies and signs bearer tokens; all of them are accepted when reading. */
    sessionSecrets,
    /** The newest secret (sessionSecrets[0]). */
    sessionSecret: sessionSecrets[0],
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    /** Lifetime of a bearer token (POST /api/auth/verify with "session": "token"). */
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    nonceTtlSeconds: e.NONCE_TTL_SECONDS,
    clockSkewSeconds: e.CLOCK_SKEW_SECONDS,
    networks,
    endpoints,
    holdingsCacheTtlMs: e.HOLDINGS_CACHE_TTL_SECONDS * 1000,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    gateRulesJson: e.GATE_RULES,
    /** Demo wallets and the demo ledger: on by default in development, off in production unless DEMO_MODE=true. */
    demoMode: e.DEMO_MODE ?? !production,
    walletConnectProjectId: e.WALLETCONNECT_PROJECT_ID,
    /** Unset: every instance keeps its own holdings cache and rate-limit counters (one instance, as in development). */
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS } : null,
    /** Which proxy's client-IP header to believe: none (default), 'vercel', or N appending proxies (x-forwarded-for). */
    trustedProxy: e.TRUSTED_PROXY,
    rateLimits: {
      ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      addressPerMinute: e.RATE_LIMIT_ADDRESS_PER_MINUTE,
      userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
      untrustedPerMinute: e.RATE_LIMIT_UNTRUSTED_PER_MINUTE,
    },
  };
}

const globalEnv = globalThis as unknown as { __walletgateEnv?: Env };

/** The process's validated configuration (parsed on first use, then shared by the proxy, pages and routes). */
export function env(): Env {
  return (globalEnv.__walletgateEnv ??= loadEnv());
}

/** What the browser may know: networks, app name/origin, demo switch. No secrets. */
export function publicConfig(): ConnectorContext {
  const e = env();
  return {
    networks: e.networks,
    appName: e.appName,
    origin: e.appUrl,
    demoWallets: e.demoMode,
    walletConnectProjectId: e.walletConnectProjectId,
  };
}
