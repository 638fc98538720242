/** The loopback Redis the Redis suites run against (skipped with a clear line where there is none). */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
export const redisTarget = () => {
  const u = new URL(REDIS_TEST_URL);
  return { host: u.hostname, port: Number(u.port || 6379) };
};

/** True when something answers PING with +PONG at REDIS_TEST_URL within 500 ms. */
export function redisReachable(): Promise<boolean> {
  const { host, port } = redisTarget();
  return new Promise((resolve) => {
    const s = connect(port, host);
    const done = (ok: boolean) => (s.destroy(), resolve(ok));
    s.setTimeout(500, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** A key prefix no other run (or other checkout on this machine) uses. */
export const uniquePrefix = (label: string) => `${process.env.REDIS_KEY_PREFIX_HINT ?? 'test'}:${label}:${randomBytes(4).toString('hex')}:`;
