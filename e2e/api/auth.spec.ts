/** The HTTP contract (§4), run against PGlite and, when TEST_DATABASE_URL is set, against Postgres. */
import { expect, request as newRequest, test } from '@playwright/test';
import { newAccount, nonceFor, signedBody, signInApi } from '../helpers/api';

test('nonce: the server writes the exact EIP-4361 text, bound to APP_URL (never the Host header)', async ({ request, baseURL }) => {
  const account = newAccount();
  const res = await request.post('/api/auth/nonce', {
    data: { chain: 'ethereum', address: account.address.toLowerCase() },
    headers: { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  const host = new URL(baseURL!).host;
  expect(body.message.startsWith(`${host} wants you to sign in with your Ethereum account:\n${account.address}\n`)).toBe(true);
  expect(body.message).toContain(`URI: ${new URL(baseURL!).origin}\nVersion: 1\nChain ID: 1\nNonce: ${body.nonce}\n`);
  expect(body.nonce).toMatch(/^[A-Za-z0-9]{22}$/);
  expect(Date.parse(body.expiresAt) - Date.parse(body.issuedAt)).toBe(300_000);
  expect(body.signing).toEqual({ chainId: 1 });
});

test('bad input gets a 4xx with a stable code, never a 5xx', async ({ request }) => {
  const cases: [string, Parameters<typeof request.post>[1], number, string][] = [
    ['/api/auth/nonce', { data: { chain: 'ethereum' } }, 400, 'malformed_input'],
    ['/api/auth/nonce', { data: { chain: 'dogecoin', address: 'x' } }, 400, 'unsupported_chain'],
    ['/api/auth/nonce', { data: { chain: 'ethereum', address: '0x1234' } }, 400, 'malformed_input'],
    ['/api/auth/nonce', { data: { chain: 'ethereum', address: 42 } }, 400, 'malformed_input'],
    ['/api/auth/nonce', { data: 'chain=ethereum', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['/api/auth/nonce', { data: '{"chain":', headers: { 'content-type': 'application/json' } }, 400, 'malformed_input'],
    ['/api/auth/nonce', { data: { chain: 'ethereum', address: 'x'.repeat(70_000) } }, 413, 'payload_too_large'],
    ['/api/auth/verify', { data: {} }, 400, 'malformed_input'],
    ['/api/auth/verify', { data: { chain: 'ethereum', address: newAccount().address, message: 'hello', signature: '0x00' } }, 422, 'invalid_message'],
    ['/api/auth/verify', { data: [] }, 400, 'malformed_input'],
    ['/api/demo/holdings', { data: { action: 'grant' } }, 401, 'unauthenticated'],
  ];
  for (const [path, opts, status, code] of cases) {
    const res = await request.post(path, opts);
    expect.soft(res.status(), `${path} ${JSON.stringify(opts).slice(0, 80)}`).toBe(status);
    expect.soft((await res.json()).error.code).toBe(code);
  }
});

test('verify: valid signature -> session; logout revokes it even for a copied cookie', async ({ request, baseURL }) => {
  const { account, body } = await signInApi(request);
  expect(body).toEqual({ account: { chain: 'ethereum', address: account.address }, user: { id: expect.any(String) } });
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name === 'walletgate_session')!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(await (await request.get('/api/auth/session')).json()).toMatchObject({ authenticated: true, account: { chain: 'ethereum', address: account.address } });

  const copy = await newRequest.newContext({ baseURL, storageState: state });
  expect((await (await copy.get('/api/auth/session')).json()).authenticated).toBe(true);
  expect((await request.post('/api/auth/logout', { data: {} })).status()).toBe(200);
  expect(await (await request.get('/api/auth/session')).json()).toEqual({ authenticated: false });
  expect(await (await copy.get('/api/auth/session')).json()).toEqual({ authenticated: false });
  await copy.dispose();
});

test('verify: a signature by another key is 401 and does not spend the nonce', async ({ request }) => {
  const account = newAccount();
  const body = await signedBody(request, account);
  const forged = { ...body, signature: await newAccount().signMessage({ message: body.message }) };
  const res = await request.post('/api/auth/verify', { data: forged });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('invalid_signature');
  expect((await request.post('/api/auth/verify', { data: body })).status()).toBe(200);
});

test('verify: a message edited after signing is rejected', async ({ request }) => {
  const body = await signedBody(request, newAccount());
  const edited = { ...body, message: body.message.replace('Version: 1', 'Version: 1 ') };
  expect((await request.post('/api/auth/verify', { data: edited })).status()).toBeGreaterThanOrEqual(400);
  expect((await request.post('/api/auth/verify', { data: edited })).status()).toBeLessThan(500);
});

test('verify: a nonce is single use — replay is 409', async ({ request }) => {
  const body = await signedBody(request, newAccount());
  expect((await request.post('/api/auth/verify', { data: body })).status()).toBe(200);
  const replay = await request.post('/api/auth/verify', { data: body });
  expect(replay.status()).toBe(409);
  expect((await replay.json()).error.code).toBe('nonce_mismatch');
});

test('verify: 20 parallel verifies of one signed message give exactly one session', async ({ request, baseURL }) => {
  const body = await signedBody(request, newAccount());
  const contexts = await Promise.all(Array.from({ length: 20 }, () => newRequest.newContext({ baseURL })));
  const statuses = await Promise.all(contexts.map(async (c) => (await c.post('/api/auth/verify', { data: body })).status()));
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  await Promise.all(contexts.map((c) => c.dispose()));
});

test('verify: a nonce issued for one address cannot sign in another', async ({ request }) => {
  const a = newAccount();
  const b = newAccount();
  const { message } = await nonceFor(request, a.address);
  const swapped = message.replace(a.address, b.address);
  const res = await request.post('/api/auth/verify', { data: { chain: 'ethereum', address: b.address, message: swapped, signature: await b.signMessage({ message: swapped }) } });
  expect(res.status()).toBe(409);
});

test('gate: anonymous -> sign-in; not holding -> no-access; demo grant -> 200; remove -> no-access', async ({ request }) => {
  const anon = await request.get('/members', { maxRedirects: 0 });
  expect(anon.status()).toBe(307);
  expect(anon.headers().location).toMatch(/\/sign-in\?next=%2Fmembers$/);
  await signInApi(request);
  const denied = await request.get('/members', { maxRedirects: 0 });
  expect(denied.status()).toBe(307);
  expect(denied.headers().location).toMatch(/\/no-access$/);
  expect((await request.post('/api/demo/holdings', { data: { action: 'grant' } })).status()).toBe(200);
  expect((await request.get('/members', { maxRedirects: 0 })).status()).toBe(200);
  expect((await request.post('/api/demo/holdings', { data: { action: 'remove' } })).status()).toBe(200);
  expect((await request.get('/members', { maxRedirects: 0 })).headers().location).toMatch(/\/no-access$/);
});

test('garbage to verify never yields a 5xx', async ({ request }) => {
  const account = newAccount();
  const { message } = await nonceFor(request, account.address);
  const garbage = [
    { chain: 'ethereum', address: account.address, message, signature: '0x' + 'ff'.repeat(65) },
    { chain: 'ethereum', address: account.address, message, signature: '0x' + '00'.repeat(64) },
    { chain: 'ethereum', address: account.address, message: message.replace('\n', '\r\n'), signature: '0x' + '11'.repeat(65) },
    { chain: 'ethereum', address: account.address, message: 'x'.repeat(9000), signature: '0x' },
    { chain: 'ethereum', address: account.address, message: message.replace(/Issued At: .*/, 'Issued At: yesterday'), signature: '0x' + '11'.repeat(65) },
    { chain: 'cardano', address: 'addr1', message, signature: 'zz' },
    { chain: null, address: null, message: null, signature: null },
  ];
  for (const data of garbage) {
    const res = await request.post('/api/auth/verify', { data });
    expect.soft(res.status(), JSON.stringify(data).slice(0, 120)).toBeGreaterThanOrEqual(400);
    expect.soft(res.status()).toBeLessThan(500);
  }
});
