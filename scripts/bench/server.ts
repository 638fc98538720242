/**
 * The production build (`next start`) on a loopback port for the benches, plus what they ask of it:
 * a real Ethereum sign-in, GETs with an expected status, the server's resident memory, and Postgres counters.
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

export interface BenchServer {
  base: string;
  label: string;
  databaseUrl: string | undefined;
  /** Resident memory of the server's process group, MiB. */
  rssMiB(): number;
  /** CPU seconds (user + system) the server's process group has used so far: per-request cost, unlike req/s,
   *  hardly moves when other work shares the machine. */
  cpuSeconds(): number;
  stop(): void;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

export async function startServer(port: number, databaseUrl: string | undefined, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const base = `http://localhost:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      APP_URL: base,
      DATABASE_URL: databaseUrl ?? 'memory://',
      DEMO_MODE: 'true',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
      // Every bench request comes from 127.0.0.1 (one shared bucket, no trusted proxy) and signs in thousands of
      // times: at the defaults the limits would measure themselves, not the server. Their cost (a memory counter) stays in.
      RATE_LIMIT_UNTRUSTED_PER_MINUTE: '1000000',
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000',
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group: stop() and rssMiB() cover whatever it starts
  });
  const server: BenchServer = {
    base,
    label: databaseUrl ? 'Postgres' : 'embedded PGlite',
    databaseUrl,
    rssMiB: () => {
      const out = execFileSync('ps', ['-o', 'rss=', '-g', String(child.pid)], { encoding: 'utf8' });
      return out.split('\n').reduce((kib, line) => kib + (Number(line.trim()) || 0), 0) / 1024;
    },
    cpuSeconds: () => {
      const pids = execFileSync('ps', ['-o', 'pid=', '-g', String(child.pid)], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
      let ticks = 0;
      for (const pid of pids) {
        try {
          // /proc/<pid>/stat: fields after the ")" of the command name; utime and stime are the 12th and 13th.
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // exited meanwhile
        }
      }
      return ticks / CLOCK_TICKS;
    },
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.stop();
  throw new Error('bench: the server did not start');
}

export const post = (base: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

/** One real sign-in (fresh key, nonce, EIP-191 signature, verify); returns the session cookie. */
export async function signInOnce(base: string): Promise<string> {
  const account = privateKeyToAccount(generatePrivateKey());
  const nonce = await post(base, '/api/auth/nonce', { chain: 'ethereum', address: account.address });
  if (nonce.status !== 200) throw new Error(`nonce answered ${nonce.status}`);
  const { message } = (await nonce.json()) as { message: string };
  const res = await post(base, '/api/auth/verify', { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) });
  if (res.status !== 200) throw new Error(`verify answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export async function get(base: string, path: string, cookie: string, expected: number): Promise<void> {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`${path} answered ${res.status}, expected ${expected}`);
}

/** Runs `fn` with a pg client on `url` (the server's own database). */
export async function withPg<T>(url: string, fn: (q: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

/** Committed transactions in the database so far (each autocommit statement is one). PG flushes these lazily. */
export const committedTransactions = (url: string) =>
  withPg(url, async (q) => Number((await q('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()'))[0].xact_commit));
