/**
 * Browser and HTTP tests against the production build (`next start`):
 *  - :3100 demo app on embedded PGlite (in memory), demo wallets + demo ledger on;
 *  - :3101 the same app on Postgres (only when TEST_DATABASE_URL is set; .ci/run sets it);
 *  - :3102 the app with ETHEREUM_RPC_URL pointing at a local stub JSON-RPC server (:3190), demo off;
 *  - :3110/:3111 two instances on one Postgres and one Redis, started by the `scale` spec itself (e2e/scale).
 *  - :3103 the demo app with WALLETCONNECT_PROJECT_ID set (its relay is routed to an in-test relay).
 * E2E_PORT_BASE (default 3100) moves every port together, so two checkouts can run their suites at once.
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const pg = process.env.TEST_DATABASE_URL;
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const port = (offset: number) => PORT_BASE + offset;
const STUB_PORT = port(90);
const STUB = `http://127.0.0.1:${STUB_PORT}`;
// Specs read the ports from here (through the environment, set for the workers below).
process.env.E2E_PORT_BASE = String(PORT_BASE);

const appEnv = (port: number, extra: Record<string, string>) => ({
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  APP_URL: `http://localhost:${port}`,
  SESSION_SECRET: 'playwright-session-secret-0123456789abcdef',
  ...extra,
});
type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>;
const app = (port: number, extra: Record<string, string>): WebServer => ({
  command: `npx next start -p ${port}`,
  url: `http://localhost:${port}/api/health`, // ready once the database is open and migrated
  env: appEnv(port, extra),
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore',
  stderr: 'pipe',
});

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    { command: 'npx tsx e2e/stubs/start.ts', url: `${STUB}/health`, reuseExistingServer: false, timeout: 60_000, env: { STUB_PORT: String(STUB_PORT) } },
    app(port(0), { DATABASE_URL: 'memory://', DEMO_MODE: 'true' }),
    ...(pg ? [app(port(1), { DATABASE_URL: pg, DEMO_MODE: 'true' })] : []),
    app(port(2), { DATABASE_URL: 'memory://', DEMO_MODE: 'false', ETHEREUM_RPC_URL: `${STUB}/eth`, HOLDINGS_CACHE_TTL_SECONDS: '2', UPSTREAM_TIMEOUT_MS: '800' }),
    app(port(3), { DATABASE_URL: 'memory://', DEMO_MODE: 'true', WALLETCONNECT_PROJECT_ID: '0123456789abcdef0123456789abcdef' }),
  ],
  projects: [
    { name: 'api-pglite', testMatch: 'api/**/*.spec.ts', use: { baseURL: `http://localhost:${port(0)}` } },
    ...(pg ? [{ name: 'api-postgres', testMatch: 'api/**/*.spec.ts', use: { baseURL: `http://localhost:${port(1)}` } }] : []),
    { name: 'browser', testMatch: 'browser/**/*.spec.ts', use: { baseURL: `http://localhost:${port(0)}`, viewport: { width: 1280, height: 800 } } },
    { name: 'rpc', testMatch: 'rpc/**/*.spec.ts', use: { baseURL: `http://localhost:${port(2)}` } },
    // Starts its own two instances (+10, +11) over TEST_DATABASE_URL and Redis; skips with a line when either is absent.
    { name: 'scale', testMatch: 'scale/**/*.spec.ts' },
    { name: 'walletconnect', testDir: 'e2e/walletconnect', use: { baseURL: `http://localhost:${port(3)}`, viewport: { width: 1280, height: 800 } } },
  ],
});
