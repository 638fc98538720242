/**
 * Rate limits on every limited route, with the defaults (.env.example): per (chain, address) on nonce and verify,
 * per user on linking, actions and the demo ledger — 429 rate_limited with Retry-After once the minute's budget is
 * spent. (Per IP and across instances: e2e/scale; the buckets themselves: lib/rate-limit/limiter.test.ts.)
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { newAccount, signInApi } from '../helpers/api';

const DEFAULT_PER_MINUTE = 30; // RATE_LIMIT_ADDRESS_PER_MINUTE and RATE_LIMIT_USER_PER_MINUTE

async function spend(send: () => Promise<APIResponse>) {
  const statuses: number[] = [];
  for (let i = 0; i < DEFAULT_PER_MINUTE; i++) statuses.push((await send()).status());
  expect(statuses).not.toContain(429);
  const limited = await send();
  expect(limited.status()).toBe(429);
  const seconds = Number(limited.headers()['retry-after']);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: `Too many attempts — try again in ${seconds} s.` } });
  return statuses;
}

test('POST /api/auth/nonce: limited per (chain, address)', async ({ request }) => {
  const { address } = newAccount();
  expect(new Set(await spend(() => request.post('/api/auth/nonce', { data: { chain: 'ethereum', address } })))).toEqual(new Set([200]));
  // Another address is not affected; the same address in other letter case is the same address.
  expect((await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address: newAccount().address } })).status()).toBe(200);
  expect((await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address: address.toLowerCase() } })).status()).toBe(429);
});

test('POST /api/auth/verify: limited per (chain, address), before any signature work', async ({ request }) => {
  const { address } = newAccount();
  await spend(() => request.post('/api/auth/verify', { data: { chain: 'ethereum', address, message: 'not a sign-in message', signature: '0x00' } }));
});

const perUser = async (request: APIRequestContext, send: () => Promise<APIResponse>) => {
  await signInApi(request);
  return spend(send);
};

test('POST /api/account/wallets (linking): limited per user', async ({ request }) => {
  await perUser(request, () => request.post('/api/account/wallets', { data: {} }));
});

test('POST /api/actions/nonce and /confirm: limited per user, one budget for both', async ({ request }) => {
  await signInApi(request);
  let i = 0;
  await spend(() => request.post(i++ % 2 ? '/api/actions/confirm' : '/api/actions/nonce', { data: {} }));
});

test('POST /api/demo/holdings: limited per user', async ({ request }) => {
  const statuses = await perUser(request, () => request.post('/api/demo/holdings', { data: { action: 'grant' } }));
  expect(new Set(statuses)).toEqual(new Set([200]));
});
