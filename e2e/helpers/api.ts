/** HTTP-level helpers: sign in through the public API with a real key, as any non-browser client would. */
import { expect, type APIRequestContext } from '@playwright/test';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

export const newAccount = () => privateKeyToAccount(generatePrivateKey());

export async function nonceFor(request: APIRequestContext, address: string) {
  const res = await request.post('/api/auth/nonce', { data: { chain: 'ethereum', address } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { nonce: string; message: string; issuedAt: string; expiresAt: string; signing: Record<string, unknown> };
}

export async function signedBody(request: APIRequestContext, account: PrivateKeyAccount) {
  const { message } = await nonceFor(request, account.address);
  return { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) };
}

export async function signInApi(request: APIRequestContext, account = newAccount()) {
  const res = await request.post('/api/auth/verify', { data: await signedBody(request, account) });
  expect(res.status()).toBe(200);
  return { account, body: await res.json() };
}
