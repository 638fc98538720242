/**
 * NEAR callbackUrl over HTTP (issue 12 §1), on PGlite and Postgres: a signature made the way MyNearWallet makes it
 * (its near-connect executor hot-dao/near-selector `near-wallets/src/mnw.ts` and the wallet's
 * mynearwallet/my-near-wallet `packages/frontend/src/utils/signMessage.ts`; see lib/chains/near/testing/
 * wallet-signers.ts) signs in, links and confirms an action when the body names the callbackUrl it signed; a
 * foreign or mismatched one gives 4xx, no session, and leaves the nonce unspent.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInApi } from '../helpers/api';
import { actionNonce, confirm, walletsOf } from '../helpers/actions';
import { mnwSignMessage, newTestKey, type TestKey } from '../../lib/chains/near/testing/wallet-signers';

type Purpose = 'sign-in' | 'link';

async function nearNonce(request: APIRequestContext, key: TestKey, purpose: Purpose) {
  const res = await request.post('/api/auth/nonce', { data: { chain: 'near', address: key.accountId, purpose } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { message: string; signing: Record<string, unknown> };
}

/** The body a client sends after MyNearWallet signed `message` with `signedUrl`; it names `namedUrl` (null: none). */
function mnwBody(key: TestKey, n: { message: string; signing: Record<string, unknown> }, signedUrl: string, namedUrl: string | null = signedUrl) {
  const p = { message: n.message, recipient: String(n.signing.recipient), nonce: Buffer.from(String(n.signing.nonce), 'base64'), callbackUrl: signedUrl };
  const signed = mnwSignMessage(key, p, signedUrl);
  return { chain: 'near', address: key.accountId, message: n.message, signature: signed.signature, publicKey: signed.publicKey, ...(namedUrl === null ? {} : { callbackUrl: namedUrl }) };
}

const session = async (request: APIRequestContext) => (await (await request.get('/api/auth/session')).json()) as { authenticated: boolean; account?: { chain: string; address: string } };
const codeOf = async (res: { json(): Promise<unknown> }) => ((await res.json()) as { error: { code: string } }).error.code;

test('MyNearWallet-style sign-in with our callbackUrl gives a session; a foreign one gives 422 and no session, nonce unspent', async ({ request, baseURL }) => {
  const key = newTestKey();
  const n = await nearNonce(request, key, 'sign-in');

  const foreign = await request.post('/api/auth/verify', { data: mnwBody(key, n, 'https://evil.example/near') });
  expect(foreign.status()).toBe(422);
  expect(await codeOf(foreign)).toBe('invalid_callback_url');
  expect(foreign.headers()['set-cookie']).toBeUndefined();
  expect(await session(request)).toEqual({ authenticated: false });

  const ours = await request.post('/api/auth/verify', { data: mnwBody(key, n, `${baseURL}/sign-in?next=%2Fmembers`) });
  expect(ours.status(), await ours.text()).toBe(200); // same nonce: the refusal above spent nothing
  expect(await ours.json()).toMatchObject({ account: { chain: 'near', address: key.accountId } });
  expect(await session(request)).toMatchObject({ authenticated: true, account: { chain: 'near', address: key.accountId } });
});

test('the callbackUrl named must be the one signed: signed-not-named, named-not-signed and another one are 401', async ({ request, baseURL }) => {
  const key = newTestKey();
  const n = await nearNonce(request, key, 'sign-in');
  const url = `${baseURL}/sign-in`;
  for (const body of [mnwBody(key, n, url, null), { ...mnwBody(key, n, url), callbackUrl: `${baseURL}/other` }]) {
    const res = await request.post('/api/auth/verify', { data: body });
    expect(res.status()).toBe(401);
    expect(await codeOf(res)).toBe('invalid_signature');
  }
  for (const callbackUrl of ['/sign-in', 'javascript:alert(1)', `${baseURL}@evil.example/`, 42, null]) {
    const res = await request.post('/api/auth/verify', { data: { ...mnwBody(key, n, url), callbackUrl } });
    expect(res.status(), String(callbackUrl)).toBe(422);
    expect(await codeOf(res)).toBe('invalid_callback_url');
  }
  expect(await session(request)).toEqual({ authenticated: false });
  expect((await request.post('/api/auth/verify', { data: mnwBody(key, n, url) })).status()).toBe(200);
});

test('linking a MyNearWallet-style NEAR wallet: our callbackUrl links it, a foreign one is refused and links nothing', async ({ request, baseURL }) => {
  await signInApi(request);
  const key = newTestKey();
  const n = await nearNonce(request, key, 'link');
  const foreign = await request.post('/api/account/wallets', { data: mnwBody(key, n, 'https://evil.example/') });
  expect(foreign.status()).toBe(422);
  expect(await codeOf(foreign)).toBe('invalid_callback_url');
  expect((await walletsOf(request)).map((w) => w.chain)).toEqual(['ethereum']);
  const ok = await request.post('/api/account/wallets', { data: mnwBody(key, n, `${baseURL}/account`) });
  expect(ok.status(), await ok.text()).toBe(201);
  expect((await walletsOf(request)).map((w) => w.chain)).toEqual(['ethereum', 'near']);
});

test('a wallet-signed action from a MyNearWallet-style NEAR wallet: our callbackUrl confirms it, a foreign one is refused', async ({ request, baseURL }) => {
  const key = newTestKey();
  const signIn = await nearNonce(request, key, 'sign-in');
  expect((await request.post('/api/auth/verify', { data: mnwBody(key, signIn, `${baseURL}/sign-in`) })).status()).toBe(200);
  const params = { displayName: 'Callback Tester', bio: '' };
  const n = await actionNonce(request, params);
  const body = (url: string) => ({ action: 'profile.update', params, ...mnwBody(key, n, url) });
  const foreign = await confirm(request, body('https://evil.example/members'));
  expect(foreign.status()).toBe(422);
  expect(await codeOf(foreign)).toBe('invalid_callback_url');
  const ok = await confirm(request, body(`${baseURL}/members`));
  expect(ok.status(), await ok.text()).toBe(200);
  expect(await ok.json()).toMatchObject({ action: 'profile.update', result: { displayName: 'Callback Tester' } });
});
