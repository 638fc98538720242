/** The members area over HTTP (demo ledger): a copied cookie dies with sign-out at the proxy, like everywhere else. */
import { expect, request as newRequest, test } from '@playwright/test';
import { signInApi } from '../helpers/api';

test('a cookie copied before sign-out is sent to sign-in by /members', async ({ request, baseURL }) => {
  await signInApi(request);
  expect((await request.post('/api/demo/holdings', { data: { action: 'grant' } })).status()).toBe(200);
  const copy = await newRequest.newContext({ baseURL, storageState: await request.storageState() });
  expect((await copy.get('/members', { maxRedirects: 0 })).status()).toBe(200);
  expect((await request.post('/api/auth/logout', { data: {} })).status()).toBe(200);
  const res = await copy.get('/members', { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/sign-in\?next=%2Fmembers$/);
  await copy.dispose();
});
