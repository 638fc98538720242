/**
 * npm run bench — figures, not assertions. Starts the production build (`next start`, embedded PGlite, demo mode)
 * on a loopback port and measures:
 *  - Ethereum sign-ins per second (nonce + verify with a real key, as a client does);
 *  - /members for a holder (proxy + page, holdings cache hit) beside the ungated dynamic home page (ratio; target >= 0.9);
 *  - per-chain verify time in-process beside the raw library call, and the first verify after start (scripts/bench/verify.ts).
 * BENCH_DATABASE_URL=postgres://… runs the server on Postgres instead of in-memory PGlite.
 * Needs `npm run build` first. `npm run bench -- --http-only` skips the in-process part.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { fmt, load } from './bench/http';
import { runVerifyBench } from './bench/verify';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

if (!existsSync('.next/BUILD_ID')) {
  console.error('bench: no production build; run `npm run build` first.');
  process.exit(1);
}

async function startServer() {
  const child = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', APP_URL: BASE, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'memory://', DEMO_MODE: 'true', SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('bench: the server did not start');
}

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

async function signInOnce(): Promise<string> {
  const account = privateKeyToAccount(generatePrivateKey());
  const nonce = await post('/api/auth/nonce', { chain: 'ethereum', address: account.address });
  const { message } = (await nonce.json()) as { message: string };
  const res = await post('/api/auth/verify', { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) });
  if (res.status !== 200) throw new Error(`verify answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function get(path: string, cookie: string, expected: number) {
  const res = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`${path} answered ${res.status}, expected ${expected}`);
}

const server = await startServer();
try {
  console.log(`walletgate bench — next start on ${BASE}, ${process.env.BENCH_DATABASE_URL ? 'Postgres' : 'embedded PGlite'}, ${SECONDS}s per run\n`);
  await load(async () => void (await signInOnce()), { concurrency: 4, seconds: 2 }); // warm-up
  console.log('Ethereum sign-ins (nonce + verify, real key)   ', fmt(await load(async () => void (await signInOnce()), { concurrency: 8, seconds: SECONDS })));

  const cookie = await signInOnce();
  if ((await post('/api/demo/holdings', { action: 'grant' }, cookie)).status !== 200) throw new Error('grant failed');
  await load(() => get('/members', cookie, 200), { concurrency: 8, seconds: 2 });
  await load(() => get('/', cookie, 200), { concurrency: 8, seconds: 2 });
  const members = await load(() => get('/members', cookie, 200), { concurrency: 16, seconds: SECONDS });
  const home = await load(() => get('/', cookie, 200), { concurrency: 16, seconds: SECONDS });
  console.log('/members, holder (cache hit)                   ', fmt(members));
  console.log('/ (ungated dynamic page, same session)         ', fmt(home));
  console.log(`ratio /members : /                              ${(members.perSecond / home.perSecond).toFixed(2)} (target >= 0.9)\n`);
} finally {
  process.kill(-server.pid!, 'SIGTERM');
}
if (!process.argv.includes('--http-only')) await runVerifyBench();
