/** HTTP helpers for wallet-signed actions and bearer tokens (issue 9), with real keys. */
import { expect, type APIRequestContext } from '@playwright/test';
import type { PrivateKeyAccount } from 'viem/accounts';
import { newAccount } from './api';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in over HTTP asking for a bearer token instead of a cookie. */
export async function tokenSignIn(request: APIRequestContext, account = newAccount()) {
  const nonce = await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address: account.address } });
  const { message } = await nonce.json();
  const res = await request.post('/api/auth/verify', { data: { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }), session: 'token' } });
  expect(res.status(), await res.text()).toBe(200);
  return { account, res, body: (await res.json()) as { token: string; tokenType: string; expiresAt: string; user: { id: string }; account: { address: string } } };
}

/** A signature for purpose sign-in / link / move by `account`. */
export async function signedFor(request: APIRequestContext, account: PrivateKeyAccount, purpose: 'sign-in' | 'link' | 'move', headers?: Record<string, string>) {
  const res = await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address: account.address, purpose }, headers });
  expect(res.status(), await res.text()).toBe(200);
  const { message } = await res.json();
  return { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) };
}

export interface ActionNonce {
  nonce: string;
  message: string;
  chain: string;
  address: string;
  signing: Record<string, unknown>;
}

export async function actionNonce(request: APIRequestContext, params: object, extra: { walletId?: string; headers?: Record<string, string> } = {}) {
  const res = await request.post('/api/actions/nonce', { data: { action: 'profile.update', params, walletId: extra.walletId }, headers: extra.headers });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ActionNonce;
}

/** An action confirmation body signed by `account` (the wallet the nonce was issued for). */
export async function signedAction(request: APIRequestContext, account: PrivateKeyAccount, params: object, extra: { walletId?: string; headers?: Record<string, string> } = {}) {
  const n = await actionNonce(request, params, extra);
  return { action: 'profile.update', params, chain: 'ethereum', address: account.address, message: n.message, signature: await account.signMessage({ message: n.message }) };
}

export const confirm = (request: APIRequestContext, body: object, headers?: Record<string, string>) => request.post('/api/actions/confirm', { data: body, headers });

export async function walletsOf(request: APIRequestContext, headers?: Record<string, string>) {
  return (await (await request.get('/api/account/wallets', { headers })).json()).wallets as { id: string; chain: string; address: string }[];
}

/** The profile as the members page shows it (grants the demo pass first so the page opens). */
export async function profileOnMembersPage(request: APIRequestContext) {
  expect((await request.post('/api/demo/holdings', { data: { action: 'grant' } })).status()).toBe(200);
  const page = await request.get('/members', { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  const html = await page.text();
  return /data-testid="profile-name">([^<]*)</.exec(html)?.[1] ?? null;
}
