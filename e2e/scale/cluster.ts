/**
 * The local model of a Vercel deployment: two `next start` processes of one build over one Postgres and one Redis,
 * with one public origin (APP_URL). Redis is reached through a TCP proxy this process owns, so a test can take
 * "Redis" away mid-run without touching the Redis other checkouts share. Holdings come from the eth RPC stub.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { startStubServer } from '../stubs/server';
import { redisTarget } from '../../test/helpers/redis';
import { startTcpProxy, type TcpProxy } from '../../test/helpers/tcp-proxy';

export const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const TTL_SECONDS = 4;
export const LIMITS = { ip: 40, address: 25 };

export interface Instance {
  name: 'A' | 'B';
  url: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export interface Cluster {
  a: Instance;
  b: Instance;
  stubUrl: string;
  redisProxy: TcpProxy;
  keyPrefix: string;
  stop(): Promise<void>;
}

async function waitUp(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: next start exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

function startInstance(name: 'A' | 'B', port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn('npx', ['next', 'start', '-p', String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM'); // the npx group: npx and the next server it started
    });
  return waitUp(url, child).then(
    () => ({ name, url, stderr: () => err, stop }),
    async (e) => {
      await stop();
      throw new Error(`${e.message}\n${err.slice(-2000)}`);
    },
  );
}

export async function startCluster(databaseUrl: string): Promise<Cluster> {
  const [portA, portB, stubPort, redisPort] = [10, 11, 12, 13].map((o) => PORT_BASE + o);
  const stub: Server = await startStubServer(stubPort);
  const stubUrl = `http://127.0.0.1:${stubPort}`;
  const redisProxy = await startTcpProxy(redisTarget(), redisPort);
  const keyPrefix = `${process.env.REDIS_KEY_PREFIX_HINT ?? 'e2e'}:scale:${randomBytes(4).toString('hex')}:`;
  const env = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: `http://localhost:${portA}`, // one public origin, as behind a load balancer
    SESSION_SECRET: 'playwright-scale-secret-0123456789abcdefghij',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisProxy.url,
    REDIS_KEY_PREFIX: keyPrefix,
    DEMO_MODE: 'true', // Ethereum reads the RPC stub (its endpoint is set); the other chains read the demo ledger
    ETHEREUM_RPC_URL: `${stubUrl}/eth`,
    HOLDINGS_CACHE_TTL_SECONDS: String(TTL_SECONDS),
    UPSTREAM_TIMEOUT_MS: '800',
    TRUSTED_PROXY: 'vercel',
    RATE_LIMIT_IP_PER_MINUTE: String(LIMITS.ip),
    RATE_LIMIT_ADDRESS_PER_MINUTE: String(LIMITS.address),
  };
  const [a, b] = await Promise.all([startInstance('A', portA, env), startInstance('B', portB, env)]);
  return {
    a,
    b,
    stubUrl,
    redisProxy,
    keyPrefix,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      await redisProxy.close();
      await new Promise((r) => stub.close(r));
    },
  };
}
