/**
 * Kukai's authentication template over HTTP (PGlite and Postgres): a client that gets a nonce, has Kukai sign its
 * own JSON (the double follows kukai-wallet/kukai src/app/services/embedded-auth/embedded-auth.service.ts, see
 * lib/chains/tezos/kukai-test-wallet.ts) with a real tz2 key, and posts the text Kukai returned.
 */
import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { kukaiAuthenticate, kukaiAuthMessage, type KukaiAuthRequest } from '../../lib/chains/tezos/kukai-test-wallet';
import { testKey, type TestKey } from '../../lib/chains/tezos/test-keys';
import { michelinePayloadHex } from '../../lib/chains/tezos/micheline';

// The first request to a fresh `next start` (PGlite opening, migrations) can take a minute on a loaded machine.
test.beforeAll(async ({}, info) => {
  test.setTimeout(180_000);
  const ctx = await newRequest.newContext({ baseURL: info.project.use.baseURL });
  await ctx.post('/api/auth/nonce', { data: { chain: 'tezos', address: 'tz1VSUr8wwNhLAzempoch5d6hLRiTh8Cjcjb' }, timeout: 170_000 });
  await ctx.dispose();
});

async function kukaiNonce(request: APIRequestContext, key: TestKey, purpose?: string) {
  const res = await request.post('/api/auth/nonce', { data: { chain: 'tezos', address: key.address, ...(purpose ? { purpose } : {}) } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.signing.kukai).toEqual({ requestId: `urn:walletgate:${purpose ?? 'sign-in'}`, nonce: body.nonce });
  return body.signing.kukai as { requestId: string; nonce: string };
}

async function kukaiBody(request: APIRequestContext, key: TestKey, origin: string, change: Partial<KukaiAuthRequest> = {}) {
  const params = await kukaiNonce(request, key);
  const signed = await kukaiAuthenticate(key, { ...params, domain: origin, network: 'mainnet', ...change });
  return { chain: 'tezos', address: key.address, publicKey: key.publicKey, ...signed };
}

test('a tz2 Kukai account signs in with its own template, once', async ({ request, baseURL }) => {
  const key = await testKey('secp256k1');
  const body = await kukaiBody(request, key, new URL(baseURL!).origin);
  const res = await request.post('/api/auth/verify', { data: body });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).account).toEqual({ chain: 'tezos', address: key.address });
  expect(res.headers()['set-cookie']).toMatch(/HttpOnly/i);
  const session = await (await request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ authenticated: true, account: { chain: 'tezos', address: key.address } });
  const replay = await (await newRequest.newContext({ baseURL })).post('/api/auth/verify', { data: body });
  expect(replay.status()).toBe(409);
  expect((await replay.json()).error.code).toBe('nonce_mismatch');
});

test('every refusal is a 4xx with a code, and spends nothing', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const key = await testKey('secp256k1');
  const other = await testKey('secp256k1');
  const post = async (data: unknown) => {
    const res = await request.post('/api/auth/verify', { data });
    return [res.status(), (await res.json()).error?.code] as const;
  };
  const resign = async (b: { message: string }, edit: (m: string) => string) => {
    const message = edit(b.message);
    return { ...b, message, signature: await key.sign(michelinePayloadHex(message)) };
  };
  const cases: [string, () => Promise<unknown>, number, string][] = [
    ['another origin', async () => kukaiBody(request, key, 'https://evil.example'), 422, 'domain_mismatch'],
    ['ghostnet', async () => kukaiBody(request, key, origin, { network: 'ghostnet' }), 422, 'wrong_network'],
    ['a nonce we never issued', async () => kukaiBody(request, key, origin, { nonce: 'neverIssuedN0nce12345' }), 409, 'nonce_mismatch'],
    ['signed in the future', async () => kukaiBody(request, key, origin, { now: new Date(Date.now() + 600_000) }), 422, 'not_yet_valid'],
    ['signed before the nonce existed', async () => kukaiBody(request, key, origin, { now: new Date(Date.now() - 600_000) }), 422, 'not_yet_valid'],
    ['another address claimed', async () => ({ ...(await kukaiBody(request, key, origin)), address: other.address }), 401, 'address_mismatch'],
    ['signed by another key', async () => ({ ...(await kukaiBody(request, key, origin)), signature: (await kukaiAuthenticate(other, { domain: origin, network: 'mainnet' })).signature }), 401, 'invalid_signature'],
    ['unknown key', async () => resign(await kukaiBody(request, key, origin), (m) => m.replace('{', '{"extra":"x",')), 422, 'invalid_message'],
    ['duplicated key', async () => resign(await kukaiBody(request, key, origin), (m) => m.replace(/}$/, `,"domain":"${origin}"}`)), 422, 'invalid_message'],
    ['missing nonce', async () => resign(await kukaiBody(request, key, origin), (m) => m.replace(/"nonce":"\w+",/, '')), 422, 'invalid_message'],
    ['currentTime as a number', async () => resign(await kukaiBody(request, key, origin), (m) => m.replace(/"currentTime":"(\d+)"/, '"currentTime":$1')), 422, 'invalid_message'],
    ['currentTime with a leading zero', async () => resign(await kukaiBody(request, key, origin), (m) => m.replace(/"currentTime":"(\d+)"/, '"currentTime":"0$1"')), 422, 'invalid_message'],
    ['not an object', async () => resign(await kukaiBody(request, key, origin), () => 'Tezos Signed Message: ["authentication"]'), 422, 'invalid_message'],
  ];
  for (const [name, make, status, code] of cases) expect.soft(await post(await make()), name).toEqual([status, code]);
  // None of those spent its nonce or started a session; a good one still signs in.
  expect((await (await request.get('/api/auth/session')).json()).authenticated).toBe(false);
  expect((await request.post('/api/auth/verify', { data: await kukaiBody(request, key, origin) })).status()).toBe(200);
});

test('a Kukai template cannot authorise a wallet move (its text states no consequence)', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const owner = await testKey('secp256k1');
  expect((await request.post('/api/auth/verify', { data: await kukaiBody(request, owner, origin) })).status()).toBe(200);
  const params = await kukaiNonce(request, owner, 'move');
  const message = kukaiAuthMessage(owner, { ...params, domain: origin, network: 'mainnet' });
  const data = { chain: 'tezos', address: owner.address, publicKey: owner.publicKey, message, signature: await owner.sign(michelinePayloadHex(message)), move: true };
  const res = await request.post('/api/account/wallets', { data });
  expect(res.status()).toBe(422);
  expect((await res.json()).error.code).toBe('invalid_message');
});
