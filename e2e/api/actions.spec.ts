/** Wallet-signed actions (issue 9): profile.update over HTTP with real keys, on PGlite and Postgres. */
import { expect, request as newRequest, test } from '@playwright/test';
import { newAccount, signInApi } from '../helpers/api';
import { actionNonce, bearer, confirm, profileOnMembersPage, signedAction, signedFor, tokenSignIn, walletsOf } from '../helpers/actions';

const NORTH = { displayName: 'North Shore', bio: 'Sailing on weekends.' };

test('a valid action signature saves once; the message names the action and its parameters; replay is 409', async ({ request }) => {
  const { account } = await signInApi(request);
  const n = await actionNonce(request, NORTH);
  expect(n).toMatchObject({ chain: 'ethereum', address: account.address });
  expect(n.message).toContain("Confirm: update my walletgate profile - display name 'North Shore', bio 'Sailing on weekends.'");
  expect(n.message).toContain('- urn:walletgate:action:profile.update');
  expect(n.message).toMatch(/- urn:walletgate:params:sha256:[0-9a-f]{64}$/);
  const body = { action: 'profile.update', params: NORTH, chain: 'ethereum', address: account.address, message: n.message, signature: await account.signMessage({ message: n.message }) };
  const res = await confirm(request, body);
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ action: 'profile.update', result: { displayName: 'North Shore', bio: 'Sailing on weekends.' } });
  const replay = await confirm(request, body);
  expect(replay.status()).toBe(409);
  expect((await replay.json()).error.code).toBe('nonce_mismatch');
  expect(await profileOnMembersPage(request)).toBe('North Shore');
});

test('a signature for "North Shore" cannot save other parameters', async ({ request }) => {
  const { account } = await signInApi(request);
  const body = await signedAction(request, account, NORTH);
  for (const params of [{ displayName: 'South Shore', bio: NORTH.bio }, { displayName: 'North Shore', bio: '' }, { displayName: 'North Shore' }]) {
    const res = await confirm(request, { ...body, params });
    expect(res.status()).toBe(422);
    expect((await res.json()).error.code).toBe('invalid_message');
  }
  expect(await profileOnMembersPage(request)).toBe('Not set yet');
  // The nonce was not spent by the failed attempts: the signed parameters still go through.
  expect((await confirm(request, { ...body, params: { displayName: ' North Shore ', bio: 'Sailing on weekends. ' } })).status()).toBe(200);
});

test('a sign-in or link signature cannot confirm an action, and an action signature cannot sign in or link', async ({ request }) => {
  const { account } = await signInApi(request);
  const asSignIn = await signedFor(request, account, 'sign-in');
  expect((await confirm(request, { ...asSignIn, action: 'profile.update', params: NORTH })).status()).toBe(422);
  const asLink = await signedFor(request, account, 'link');
  expect((await confirm(request, { ...asLink, action: 'profile.update', params: NORTH })).status()).toBe(422);

  const action = await signedAction(request, account, NORTH);
  expect((await request.post('/api/auth/verify', { data: action })).status()).toBe(422);
  expect((await request.post('/api/account/wallets', { data: action })).status()).toBe(422);
  expect((await request.post('/api/account/wallets', { data: { ...action, move: true } })).status()).toBe(422);
  expect(await profileOnMembersPage(request)).toBe('Not set yet');
});

test('only a wallet linked to the account can sign: other wallets get 403 before any verification', async ({ request, baseURL }) => {
  const { account } = await signInApi(request);
  // Asking for a nonce for a wallet id that is not mine.
  const stranger = await newRequest.newContext({ baseURL: baseURL });
  await signInApi(stranger);
  const [theirs] = await walletsOf(stranger);
  const refused = await request.post('/api/actions/nonce', { data: { action: 'profile.update', params: NORTH, walletId: theirs.id } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden');
  // A random key signing a copy of my message with its own address.
  const n = await actionNonce(request, NORTH);
  const outsider = newAccount();
  const message = n.message.replace(account.address, outsider.address);
  const res = await confirm(request, { action: 'profile.update', params: NORTH, chain: 'ethereum', address: outsider.address, message, signature: await outsider.signMessage({ message }) });
  expect(res.status()).toBe(403);
  // A wallet that was linked when the nonce was issued and unlinked before the confirmation.
  const second = newAccount();
  expect((await request.post('/api/account/wallets', { data: await signedFor(request, second, 'link') })).status()).toBe(201);
  const secondId = (await walletsOf(request)).find((w) => w.address === second.address)!.id;
  const body = await signedAction(request, second, NORTH, { walletId: secondId });
  expect((await request.delete(`/api/account/wallets/${secondId}`)).status()).toBe(200);
  expect((await confirm(request, body)).status()).toBe(403);
  expect(await profileOnMembersPage(request)).toBe('Not set yet');
  await stranger.dispose();
});

test('an action nonce is bound to the user: after the wallet moves to another account, that account cannot use it (409)', async ({ request, baseURL }) => {
  const shared = newAccount();
  await signInApi(request, shared);
  const body = await signedAction(request, shared, NORTH);
  const other = await newRequest.newContext({ baseURL: baseURL });
  await signInApi(other);
  const moved = await other.post('/api/account/wallets', { data: { ...(await signedFor(other, shared, 'move')), move: true } });
  expect(moved.status()).toBe(201);
  const res = await confirm(other, body);
  expect(res.status()).toBe(409);
  expect((await res.json()).error.code).toBe('nonce_mismatch');
  expect(await profileOnMembersPage(other)).toBe('Not set yet');
  await other.dispose();
});

test('bad input is a 4xx and writes nothing; the actions API needs a session', async ({ request, baseURL }) => {
  const anon = await newRequest.newContext({ baseURL: baseURL });
  expect((await anon.post('/api/actions/nonce', { data: { action: 'profile.update', params: NORTH } })).status()).toBe(401);
  expect((await anon.post('/api/actions/confirm', { data: { action: 'profile.update', params: NORTH } })).status()).toBe(401);
  await anon.dispose();
  const { account } = await signInApi(request);
  const body = await signedAction(request, account, NORTH);
  const cases: [object, number][] = [
    [{ ...body, action: 'profile.delete' }, 400],
    [{ ...body, params: { displayName: '' } }, 400],
    [{ ...body, params: { displayName: 'x'.repeat(41) } }, 400],
    [{ ...body, params: { displayName: 'A\nB' } }, 400],
    [{ ...body, params: 'North Shore' }, 400],
    [{ ...body, chain: 'solana' }, 400],
    [{ ...body, address: 'not-an-address' }, 400],
    [{ ...body, signature: '0x1234' }, 400],
    [{ ...body, signature: await account.signMessage({ message: 'something else' }) }, 401],
    [{ ...body, message: 'hello' }, 422],
  ];
  for (const [data, status] of cases) {
    const res = await confirm(request, data);
    expect(res.status(), JSON.stringify(data).slice(0, 120)).toBe(status);
    expect((await res.json()).error.code).toEqual(expect.any(String));
  }
  expect((await request.post('/api/actions/confirm', { data: 'x', headers: { 'content-type': 'text/plain' } })).status()).toBe(415);
  expect((await request.post('/api/actions/nonce', { data: { action: 'profile.update', params: { bio: 'no name' } } })).status()).toBe(400);
  expect(await profileOnMembersPage(request)).toBe('Not set yet');
  expect((await confirm(request, body)).status()).toBe(200); // the nonce survived every bad attempt
});

test('a CLI with a bearer token can confirm an action too', async ({ request }) => {
  const { account, body: signedIn } = await tokenSignIn(request);
  const headers = bearer(signedIn.token);
  const body = await signedAction(request, account, { displayName: 'Terminal' }, { headers });
  const res = await confirm(request, body, headers);
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).result).toMatchObject({ displayName: 'Terminal', bio: '' });
});
