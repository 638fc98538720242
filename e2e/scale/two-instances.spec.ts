/**
 * Two instances for real (issue 14 §2): two `next start` processes of this build on one Postgres (TEST_DATABASE_URL)
 * and one Redis, holdings from the eth RPC stub. Requests go out with plain fetch, so every cookie and header that
 * reaches an instance is one the test chose. Signatures are real: viem's `signMessage` is EIP-191 personal_sign,
 * as MetaMask's own `@metamask/eth-sig-util` `personalSign` (see e2e/helpers/api.ts).
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { generateKey } from 'near-kit';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { redisReachable, REDIS_TEST_URL } from '../../test/helpers/redis';
import { LIMITS, startCluster, TTL_SECONDS, type Cluster } from './cluster';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const PASS = '0x5a1f0000000000000000000000000000000000a1';
const databaseUrl = process.env.TEST_DATABASE_URL;
let cluster: Cluster;
let db: pg.Client;

test.beforeAll(async () => {
  test.skip(!databaseUrl, 'scale: TEST_DATABASE_URL is not set — the two-instance suite needs a Postgres both instances share; skipped.');
  test.skip(!(await redisReachable()), `scale: no Redis at ${REDIS_TEST_URL} — the two-instance suite needs one; skipped.`);
  test.setTimeout(240_000);
  cluster = await startCluster(databaseUrl!);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
  await cluster?.stop();
});

/** A client with its own (trusted, TRUSTED_PROXY=vercel) address, so tests do not share rate-limit buckets. */
function client(ip = `10.${randomBytes(3).join('.')}`) {
  const headers = (extra: Record<string, string> = {}) => ({ 'x-real-ip': ip, ...extra });
  return {
    ip,
    post: (base: string, path: string, body: unknown, extra?: Record<string, string>) =>
      fetch(`${base}${path}`, { method: 'POST', headers: headers({ 'content-type': 'application/json', ...extra }), body: JSON.stringify(body), redirect: 'manual' }),
    get: (base: string, path: string, extra?: Record<string, string>) => fetch(`${base}${path}`, { headers: headers(extra), redirect: 'manual' }),
  };
}
type Client = ReturnType<typeof client>;

async function signed(c: Client, base: string, account = privateKeyToAccount(generatePrivateKey())) {
  const res = await c.post(base, '/api/auth/nonce', { chain: 'ethereum', address: account.address });
  expect(res.status, await res.clone().text()).toBe(200);
  const { message } = (await res.json()) as { message: string };
  return { account, body: { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) } };
}

/** Signs in on `base` and returns the session cookie as a Cookie header value. */
async function signIn(c: Client, base: string) {
  const { account, body } = await signed(c, base);
  const res = await c.post(base, '/api/auth/verify', body);
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((s) => s.split(';')[0]).find((s) => s.startsWith('walletgate_session='));
  expect(cookie).toBeTruthy();
  return { account, cookie: cookie!, user: ((await res.json()) as { user: { id: string } }).user };
}

const stub = (path: string, body?: unknown) =>
  fetch(`${cluster.stubUrl}/eth${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
const holds = (address: string) => stub('/__control', { mode: 'ok', balances: { [`${PASS}|${address.toLowerCase()}`]: '1' } });
const gatePage = async (c: Client, base: string, cookie: string) => {
  const res = await c.get(base, '/members', { cookie });
  return res.status === 200 ? 'in' : res.status >= 300 && res.status < 400 ? (res.headers.get('location') ?? '').replace(/^.*\//, '/') : res.status;
};

test('20 parallel verifies of one signed message over both instances: exactly one session', async () => {
  const c = client();
  const { account, body } = await signed(c, cluster.a.url);
  const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => c.post(i % 2 ? cluster.a.url : cluster.b.url, '/api/auth/verify', body).then((r) => r.status)));
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  const { rows } = await db.query('SELECT count(*)::int AS n FROM "Session" s JOIN "Wallet" w ON w.id = s."walletId" WHERE w.address = $1', [account.address]);
  expect(rows[0].n).toBe(1);
});

test('a cookie from A works on B; after logout on A it is dead on B', async () => {
  const c = client();
  const { cookie, account } = await signIn(c, cluster.a.url);
  const onB = async () => (await (await c.get(cluster.b.url, '/api/auth/session', { cookie })).json()) as { authenticated: boolean; account?: { address: string } };
  expect(await onB()).toMatchObject({ authenticated: true, account: { address: account.address } });
  expect((await c.post(cluster.a.url, '/api/auth/logout', {}, { cookie })).status).toBe(200);
  expect(await onB()).toMatchObject({ authenticated: false });
  expect((await c.get(cluster.b.url, '/api/members/content', { cookie })).status).toBe(401);
  // The page is never served to it. (Which redirect — /sign-in rather than /no-access — is issue 14 §4's proxy fix.)
  expect(await gatePage(c, cluster.b.url, cookie)).not.toBe('in');
});

test('a bearer token revoked on A fails on B', async () => {
  const c = client();
  const { body } = await signed(c, cluster.b.url);
  const res = await c.post(cluster.b.url, '/api/auth/verify', { ...body, session: 'token' });
  const { token } = (await res.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  expect((await c.get(cluster.b.url, '/api/account/wallets', auth)).status).toBe(200);
  expect((await c.post(cluster.a.url, '/api/auth/logout', {}, auth)).status).toBe(200);
  const after = await c.get(cluster.b.url, '/api/account/wallets', auth);
  expect(after.status).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
});

test('under load over both instances the indexer sees at most one call per (address, asset) per TTL', async () => {
  const c = client();
  const { account, cookie } = await signIn(c, cluster.a.url);
  await holds(account.address);
  await stub('/__calls/reset', {});
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? gatePage(c, i % 2 ? cluster.a.url : cluster.b.url, cookie) : c.get(i % 2 ? cluster.a.url : cluster.b.url, '/api/members/content', { cookie }).then((r) => r.status))),
  );
  const elapsed = Date.now() - started;
  expect(answers.every((a) => a === 'in' || a === 200), JSON.stringify(answers)).toBe(true);
  const calls = ((await stub('/__calls')) as Record<string, number>)[`${PASS}|${account.address.toLowerCase()}`];
  console.log(`scale: 30 gated requests over A and B in ${elapsed} ms → ${calls} indexer call(s) for the pass (TTL ${TTL_SECONDS} s)`);
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(calls).toBeLessThanOrEqual(Math.ceil(elapsed / (TTL_SECONDS * 1000)));
});

test('rate limits count across instances: per IP and per (chain, address), with Retry-After', async () => {
  const c = client();
  const nonce = (i: number, address: string) => c.post(i % 2 ? cluster.a.url : cluster.b.url, '/api/auth/nonce', { chain: 'ethereum', address });
  const ipStatuses = [];
  for (let i = 0; i <= LIMITS.ip; i++) ipStatuses.push((await nonce(i, privateKeyToAccount(generatePrivateKey()).address)).status);
  expect(ipStatuses.slice(0, LIMITS.ip).every((s) => s === 200)).toBe(true);
  expect(ipStatuses[LIMITS.ip]).toBe(429);

  const address = privateKeyToAccount(generatePrivateKey()).address;
  const fromMany = (i: number) => client().post(i % 2 ? cluster.a.url : cluster.b.url, '/api/auth/nonce', { chain: 'ethereum', address });
  for (let i = 0; i < LIMITS.address; i++) expect((await fromMany(i)).status).toBe(200);
  const limited = await fromMany(LIMITS.address);
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: `Too many attempts — try again in ${retryAfter} s.` } });
});

/** NEAR sign-in with an implicit account (binds offline), signed by near-kit's own NEP-413 signer, as e2e/api/account.spec.ts. */
async function signInNear(c: Client, base: string) {
  const key = generateKey();
  const address = Buffer.from(key.publicKey.data).toString('hex');
  const { message, signing } = (await (await c.post(base, '/api/auth/nonce', { chain: 'near', address })).json()) as { message: string; signing: { recipient: string; nonce: string } };
  const signed = key.signNep413Message!(address, { message, recipient: signing.recipient, nonce: Buffer.from(signing.nonce, 'base64') });
  const res = await c.post(base, '/api/auth/verify', { chain: 'near', address, message, signature: signed.signature, publicKey: key.publicKey.toString() });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((v) => v.split(';')[0]).find((v) => v.startsWith('walletgate_session='))!;
}

test('a demo-ledger change on one instance reaches the other at once, not after the TTL', async () => {
  const c = client();
  const cookie = await signInNear(c, cluster.a.url);
  const demo = (base: string, action: 'grant' | 'remove') => c.post(base, '/api/demo/holdings', { action }, { cookie }).then((r) => r.status);
  expect(await gatePage(c, cluster.b.url, cookie)).toBe('/no-access'); // B has "holds nothing" cached now
  expect(await demo(cluster.a.url, 'grant')).toBe(200);
  expect(await gatePage(c, cluster.b.url, cookie)).toBe('in');
  expect(await gatePage(c, cluster.a.url, cookie)).toBe('in'); // both now cache "holds it"
  expect(await demo(cluster.b.url, 'remove')).toBe(200);
  expect(await gatePage(c, cluster.a.url, cookie)).toBe('/no-access');
});

test('Redis hanging, then gone, mid-run: both instances keep serving and the gate still decides on the indexer', async () => {
  const c = client();
  const holder = await signIn(c, cluster.a.url);
  const other = await signIn(c, cluster.b.url);
  await holds(holder.account.address);

  cluster.redisProxy.stall(); // Redis stops answering: every command times out (REDIS_COMMAND_TIMEOUT_MS)
  for (const base of [cluster.a.url, cluster.b.url]) {
    expect(await gatePage(c, base, holder.cookie)).toBe('in');
    expect(await gatePage(c, base, other.cookie)).toBe('/no-access');
  }

  await cluster.redisProxy.kill(); // Redis gone: connections refused
  for (const base of [cluster.a.url, cluster.b.url]) {
    expect((await c.get(base, '/api/auth/session')).status).toBe(200);
    const fresh = await signIn(c, base); // nonce + verify, rate limits on the memory insurance limiter
    expect(await gatePage(c, base, fresh.cookie)).toBe('/no-access');
    expect(await gatePage(c, base, holder.cookie)).toBe('in');
  }
  // The indexer still decides: it fails, the gate fails closed — a 503, not access, and not because of Redis.
  await stub('/__control', { mode: 'error' });
  await new Promise((r) => setTimeout(r, TTL_SECONDS * 1000 + 200));
  for (const base of [cluster.a.url, cluster.b.url]) expect((await c.get(base, '/api/members/content', { cookie: holder.cookie })).status).toBe(503);
  await stub('/__control', { mode: 'ok' });

  for (const instance of [cluster.a, cluster.b]) {
    const warnings = instance.stderr().split('\n').filter((l) => l.includes('Redis unavailable'));
    expect(warnings.length, `${instance.name} logs one warning per 30 s, not one per request`).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(3);
  }
  expect(cluster.a.stderr() + cluster.b.stderr()).not.toMatch(/unexpected error/);

  await cluster.redisProxy.restore(); // and when Redis is back, the instances use it again
  await expect.poll(async () => (await signIn(c, cluster.b.url)).cookie.length > 0, { timeout: 10_000 }).toBe(true);
});
