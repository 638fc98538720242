/** One person, several wallets (issue 8), over HTTP on PGlite and Postgres. */
import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { generateKey } from 'near-kit';
import { newAccount, signInApi } from '../helpers/api';
import type { PrivateKeyAccount } from 'viem/accounts';

type Purpose = 'sign-in' | 'link' | 'move';

async function signedEth(request: APIRequestContext, account: PrivateKeyAccount, purpose: Purpose) {
  const res = await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address: account.address, purpose } });
  expect(res.status(), await res.text()).toBe(200);
  const { message } = await res.json();
  return { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) };
}

async function signedNear(request: APIRequestContext, purpose: Purpose) {
  const key = generateKey();
  const accountId = Buffer.from(key.publicKey.data).toString('hex'); // implicit account: binds offline
  const res = await request.post('/api/auth/nonce', { data: { chain: 'near', address: accountId, purpose } });
  const { message, signing } = await res.json();
  const signed = key.signNep413Message!(accountId, { message, recipient: signing.recipient, nonce: Buffer.from(signing.nonce, 'base64') });
  return { chain: 'near', address: accountId, message, signature: signed.signature, publicKey: key.publicKey.toString() };
}

const link = (request: APIRequestContext, body: object) => request.post('/api/account/wallets', { data: body });
const wallets = async (request: APIRequestContext) => (await (await request.get('/api/account/wallets')).json()).wallets as { id: string; chain: string; address: string }[];

test('link a NEAR wallet to an Ethereum account; signing in with either opens the same account', async ({ request, baseURL }) => {
  const { body: first } = await signInApi(request);
  const near = await signedNear(request, 'link');
  const res = await link(request, near);
  expect(res.status()).toBe(201);
  expect((await res.json()).wallet).toMatchObject({ chain: 'near', address: near.address });
  expect((await wallets(request)).map((w) => w.chain)).toEqual(['ethereum', 'near']);
  expect((await request.get('/api/account/wallets')).status()).toBe(200);

  const other = await newRequest.newContext({ baseURL });
  expect(await (await other.get('/api/account/wallets')).json()).toMatchObject({ error: { code: 'unauthenticated' } });
  await other.dispose();
  void first;
});

test('a sign-in signature cannot be replayed as a link, nor a link signature as a sign-in', async ({ request }) => {
  await signInApi(request);
  const second = newAccount();
  const asSignIn = await signedEth(request, second, 'sign-in');
  expect((await link(request, asSignIn)).status()).toBe(422);
  const asLink = await signedEth(request, second, 'link');
  expect((await request.post('/api/auth/verify', { data: asLink })).status()).toBe(422);
  expect((await wallets(request)).length).toBe(1);
});

test('linking needs a session, and the link nonce is bound to that session\'s user', async ({ request, baseURL }) => {
  const anon = await newRequest.newContext({ baseURL });
  expect((await anon.post('/api/auth/nonce', { data: { chain: 'ethereum', address: newAccount().address, purpose: 'link' } })).status()).toBe(401);
  await signInApi(request);
  const body = await signedEth(request, newAccount(), 'link');
  await signInApi(anon); // another person tries to use this person's link signature
  expect((await link(anon, body)).status()).toBe(409);
  await anon.dispose();
});

test('a wallet of another account is not moved silently; a "move" signature moves it and ends its old sessions', async ({ request, baseURL }) => {
  const shared = newAccount();
  const owner = await newRequest.newContext({ baseURL });
  await signInApi(owner, shared);
  await signInApi(request);
  const res = await link(request, await signedEth(request, shared, 'link'));
  expect(res.status()).toBe(409);
  expect((await res.json()).error.code).toBe('wallet_taken');
  expect((await owner.get('/api/auth/session').then((r) => r.json())).authenticated).toBe(true);

  const moved = await link(request, { ...(await signedEth(request, shared, 'move')), move: true });
  expect(moved.status()).toBe(201);
  expect((await wallets(request)).map((w) => w.address)).toContain(shared.address);
  expect(await (await owner.get('/api/auth/session')).json()).toEqual({ authenticated: false });
  await owner.dispose();
});

test('unlink: the last wallet is refused; unlinking the session\'s wallet keeps the session', async ({ request }) => {
  const { account } = await signInApi(request);
  const [only] = await wallets(request);
  const refused = await request.delete(`/api/account/wallets/${only.id}`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('last_wallet');

  const second = newAccount();
  expect((await link(request, await signedEth(request, second, 'link'))).status()).toBe(201);
  expect((await request.delete(`/api/account/wallets/${only.id}`)).status()).toBe(200);
  const session = await (await request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ authenticated: true, account: { address: second.address } });
  expect((await wallets(request)).map((w) => w.address)).toEqual([second.address]);
  expect((await request.delete(`/api/account/wallets/${only.id}`)).status()).toBe(404);
  void account;
});

test('the gate counts every linked wallet and names the one that opened it', async ({ request }) => {
  await signInApi(request);
  const second = newAccount();
  await link(request, await signedEth(request, second, 'link'));
  const secondId = (await wallets(request)).find((w) => w.address === second.address)!.id;
  expect((await request.get('/members', { maxRedirects: 0 })).status()).toBe(307);
  expect((await request.post('/api/demo/holdings', { data: { action: 'grant', walletId: secondId } })).status()).toBe(200);
  const members = await request.get('/members', { maxRedirects: 0 });
  expect(members.status()).toBe(200);
  expect(await members.text()).toContain(second.address);
  expect((await request.delete(`/api/account/wallets/${secondId}`)).status()).toBe(200);
  expect((await request.get('/members', { maxRedirects: 0 })).headers().location).toMatch(/\/no-access$/);
});

test('two accounts linking the same new wallet at once: exactly one wins', async ({ baseURL }) => {
  const wallet = newAccount();
  const people = await Promise.all([0, 1].map(() => newRequest.newContext({ baseURL })));
  for (const p of people) await signInApi(p);
  const bodies = await Promise.all(people.map((p) => signedEth(p, wallet, 'link')));
  const statuses = await Promise.all(people.map((p, i) => link(p, bodies[i]).then((r) => r.status())));
  expect(statuses.sort()).toEqual([201, 409]);
  await Promise.all(people.map((p) => p.dispose()));
});
