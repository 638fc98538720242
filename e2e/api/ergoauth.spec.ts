/**
 * ErgoAuth (EIP-28) over HTTP against `next start` (PGlite and Postgres): the stand-in Ergo Wallet app
 * (lib/chains/ergo/test-mobile-wallet.ts, following ergoplatform/ergo-wallet-app's ErgoAuth.kt / ErgoAuthUiLogic.kt)
 * fetches the request over http (the app uses http for localhost), signs with a real key and posts its reply;
 * the "browser" (this request context) polls with its token and signs in through POST /api/auth/verify.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { newTestKey, type TestKey } from '../../lib/chains/ergo/test-keys';
import { answerErgoAuth } from '../../lib/chains/ergo/test-mobile-wallet';

// The first request wakes a cold `next start` (PGlite, migrations, ergo-lib's wasm): slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function startRequest(request: APIRequestContext, key: TestKey = newTestKey()) {
  const nonce = await request.post('/api/auth/nonce', { data: { chain: 'ergo', address: key.mainnet } });
  expect(nonce.status()).toBe(200);
  const { message } = await nonce.json();
  const res = await request.post('/api/ergoauth/requests', { data: { address: key.mainnet, message } });
  expect(res.status()).toBe(200);
  return { key, message: message as string, ...((await res.json()) as { id: string; token: string; uri: string; expiresAt: string }) };
}

const poll = (request: APIRequestContext, id: string, token: string) => request.post(`/api/ergoauth/requests/${id}/poll`, { data: { token } });

test('the phone signs, the browser that polls gets the session (and only once)', async ({ request, baseURL }) => {
  const started = await startRequest(request);
  expect(started.uri).toBe(`ergoauth://${new URL(baseURL!).host}/api/ergoauth/requests/${started.id}`);
  expect((await (await poll(request, started.id, started.token)).json()).status).toBe('pending');

  const answer = await answerErgoAuth(started.uri, started.key);
  expect(answer.status).toBe(200);
  expect(answer.request.replyTo).toBe(`${new URL(baseURL!).origin}/api/ergoauth/requests/${started.id}/reply`);
  expect(answer.request.signingMessage).toContain(started.message);

  const got = await poll(request, started.id, started.token);
  expect(got.status()).toBe(200);
  const reply = await got.json();
  expect(reply).toMatchObject({ status: 'signed', signedMessage: answer.signedMessage });
  expect((await poll(request, started.id, started.token)).status()).toBe(409);

  const body = { chain: 'ergo', address: started.key.mainnet, message: started.message, signature: reply.proof, form: 'ergoauth', signedMessage: reply.signedMessage };
  const verified = await request.post('/api/auth/verify', { data: body });
  expect(verified.status()).toBe(200);
  expect(await (await request.get('/api/auth/session')).json()).toMatchObject({ authenticated: true, account: { chain: 'ergo', address: started.key.mainnet } });
  expect((await request.post('/api/auth/verify', { data: body })).status()).toBe(409);
});

test('refusals: another key, another request, tampered, no host, replay — 4xx with a code, and the poller is told', async ({ request }) => {
  const wrongKey = await startRequest(request);
  expect(await answerErgoAuth(wrongKey.uri, wrongKey.key, 'mainnet', { signWith: newTestKey() })).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
  const told = await poll(request, wrongKey.id, wrongKey.token);
  expect(told.status()).toBe(401);
  expect((await told.json()).error).toMatchObject({ code: 'invalid_signature', message: expect.stringContaining('refused') });

  const a = await startRequest(request);
  const b = await startRequest(request, a.key);
  const other = await (await request.get(`/api/ergoauth/requests/${b.id}`)).json();
  expect(await answerErgoAuth(a.uri, a.key, 'mainnet', { signingMessage: other.signingMessage })).toMatchObject({ status: 401 });
  expect(await answerErgoAuth(b.uri, b.key, 'mainnet', { tamper: (t) => `${t}x` })).toMatchObject({ status: 401 });

  const cold = await startRequest(request);
  expect(await answerErgoAuth(cold.uri, cold.key, 'mainnet', { omitHost: true })).toMatchObject({ status: 422, body: { error: { code: 'domain_mismatch' } } });

  const good = await startRequest(request);
  const first = await answerErgoAuth(good.uri, good.key);
  expect(first.status).toBe(200);
  const replay = await request.post(first.request.replyTo!, { data: { signedMessage: first.signedMessage, proof: 'AAAA' } });
  expect(replay.status()).toBe(409);
  expect((await request.get(`/api/ergoauth/requests/${good.id}`)).status()).toBe(409);
});

test('bad input: unknown ids, wrong token, garbage, unissued nonces — 4xx, never a 5xx', async ({ request }) => {
  const started = await startRequest(request);
  const id = started.id;
  const cases: [string, 'get' | 'post', Parameters<APIRequestContext['post']>[1] | undefined, number, string][] = [
    [`/api/ergoauth/requests/${'x'.repeat(32)}`, 'get', undefined, 404, 'not_found'],
    ['/api/ergoauth/requests/..%2F..', 'get', undefined, 404, 'not_found'],
    [`/api/ergoauth/requests/${id}/poll`, 'post', { data: { token: 'wrong' } }, 404, 'not_found'],
    [`/api/ergoauth/requests/${id}/poll`, 'post', { data: {} }, 400, 'malformed_input'],
    ['/api/ergoauth/requests', 'post', { data: { address: started.key.mainnet, message: started.message.replace(/Nonce: \w+/, 'Nonce: Zz0000000000000000000Z') } }, 409, 'nonce_mismatch'],
    ['/api/ergoauth/requests', 'post', { data: { address: newTestKey().mainnet, message: started.message } }, 401, 'address_mismatch'],
    ['/api/ergoauth/requests', 'post', { data: 'address=9', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    [`/api/ergoauth/requests/${id}/reply`, 'post', { data: { signedMessage: 'x', proof: '!!' } }, 400, 'malformed_input'],
  ];
  for (const [path, method, opts, status, code] of cases) {
    const res = method === 'get' ? await request.get(path) : await request.post(path, opts);
    expect.soft(res.status(), path).toBe(status);
    expect.soft((await res.json()).error.code, path).toBe(code);
  }
  // The malformed reply above was this request's one answer: the poller hears why.
  expect((await poll(request, id, started.token)).status()).toBe(400);
});
