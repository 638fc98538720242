/** The app with ETHEREUM_RPC_URL on a local stub: holder, non-holder, and every upstream failure fails closed (503). */
import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { signInApi } from '../helpers/api';
import { STUB_URL } from '../helpers/ports';

test.describe.configure({ mode: 'serial' });

const PASS = '0x5a1f0000000000000000000000000000000000a1';
const control = (request: APIRequestContext, state: object) => request.post(`${STUB_URL}/eth/__control`, { data: state });

test.afterEach(async ({ request }) => {
  await control(request, { mode: 'ok', balances: {} });
});

test('holder gets in; selling closes the gate within the cache TTL', async ({ request }) => {
  const { account } = await signInApi(request);
  await control(request, { mode: 'ok', balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
  expect((await request.get('/members', { maxRedirects: 0 })).status()).toBe(200);
  await control(request, { balances: {} });
  await expect.poll(async () => (await request.get('/members', { maxRedirects: 0 })).headers().location ?? '', { timeout: 10_000 }).toMatch(/\/no-access$/);
});

test('the demo ledger API does not exist when a real holdings source is configured', async ({ request }) => {
  await signInApi(request);
  const res = await request.post('/api/demo/holdings', { data: { action: 'grant' } });
  expect(res.status()).toBe(404);
});

for (const mode of ['timeout', '429', 'garbage', 'error'] as const) {
  test(`upstream ${mode} -> 503 "can't check your holdings", never access`, async ({ request }) => {
    const { account } = await signInApi(request);
    await control(request, { mode, balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
    const res = await request.get('/members', { maxRedirects: 0 });
    expect(res.status()).toBe(503);
    expect(await res.text()).toContain('can’t check your holdings');
  });
}

test('the gated API fails closed too: 503 when holdings cannot be read', async ({ request }) => {
  const { account } = await signInApi(request);
  for (const mode of ['error', 'timeout'] as const) {
    await control(request, { mode, balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
    const res = await request.get('/api/members/content');
    expect(res.status(), mode).toBe(503);
    expect((await res.json()).error.code).toBe('unavailable');
  }
});

test('selling the asset closes both /members and /api/members/content within the cache TTL (2 s)', async ({ request }) => {
  const { account } = await signInApi(request);
  await control(request, { mode: 'ok', balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
  expect((await request.get('/members', { maxRedirects: 0 })).status()).toBe(200);
  const open = await request.get('/api/members/content');
  expect(open.status()).toBe(200);
  expect(await open.json()).toMatchObject({ holder: { address: account.address }, balance: '1' });

  await control(request, { balances: {} }); // sold
  const soldAt = Date.now();
  const closed = async () => {
    const [page, api] = await Promise.all([request.get('/members', { maxRedirects: 0 }), request.get('/api/members/content')]);
    return `${page.headers().location?.endsWith('/no-access') ? 'page-closed' : page.status()} ${api.status()}`;
  };
  await expect.poll(closed, { timeout: 10_000, intervals: [100] }).toBe('page-closed 403');
  // Both share one cached decision per wallet: neither stays open longer than the TTL (plus a request's time).
  expect(Date.now() - soldAt).toBeLessThan(2_000 + 1_500);
});

test('a cookie copied before sign-out is anonymous at the proxy: sign-in, and no holdings asked (indexer failing)', async ({ request, baseURL }) => {
  const { account } = await signInApi(request);
  await control(request, { mode: 'ok', balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
  expect((await request.get('/members', { maxRedirects: 0 })).status()).toBe(200);
  const copy = await newRequest.newContext({ baseURL, storageState: await request.storageState() });
  expect((await request.post('/api/auth/logout', { data: {} })).status()).toBe(200);
  // Had the proxy trusted the unsealed cookie, it would ask the failing indexer and answer 503.
  await control(request, { mode: 'error' });
  const res = await copy.get('/members', { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/sign-in\?next=%2Fmembers$/);
  await copy.dispose();
});

test('503 is the whole answer: an HTML page, no members content, not cacheable', async ({ request }) => {
  const { account } = await signInApi(request);
  await control(request, { mode: 'error', balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
  const res = await request.get('/members', { maxRedirects: 0 });
  expect(res.status()).toBe(503);
  expect(res.headers()['content-type']).toMatch(/^text\/html/);
  expect(res.headers()['cache-control']).toBe('no-store');
  const html = await res.text();
  expect(html).toContain('data-testid="holdings-unavailable"');
  expect(html).not.toContain('data-testid="members-content"');
});

test("the proxy's forwarded context never reaches the client, and a client's own copy is ignored", async ({ request }) => {
  const { account } = await signInApi(request);
  const forged = { 'x-walletgate-session': 'forged.value' };
  // Not holding: a forged context must not open the page.
  expect((await request.get('/members', { maxRedirects: 0, headers: forged })).headers().location).toMatch(/\/no-access$/);
  await control(request, { mode: 'ok', balances: { [`${PASS}|${account.address.toLowerCase()}`]: '1' } });
  // The "holds nothing" answer above is cached for the TTL (2 s here): wait until the gate reads the new balance.
  await expect.poll(async () => (await request.get('/members', { maxRedirects: 0, headers: forged })).status(), { timeout: 10_000 }).toBe(200);
  const res = await request.get('/members', { maxRedirects: 0, headers: forged });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain(account.address);
  for (const name of Object.keys(res.headers())) expect(name).not.toMatch(/walletgate-session|^x-middleware-/);
});
