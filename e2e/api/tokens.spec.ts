/** Bearer tokens for non-browser clients (issue 9): "session": "token" on verify, Authorization: Bearer on the API. */
import { expect, request as newRequest, test } from '@playwright/test';
import { newAccount, signInApi, signedBody } from '../helpers/api';
import { bearer, signedFor, tokenSignIn, walletsOf } from '../helpers/actions';

test('"session": "token" answers a short-lived bearer token and sets no cookie', async ({ request }) => {
  const { res, body, account } = await tokenSignIn(request);
  expect(res.headers()['set-cookie']).toBeUndefined();
  expect(body).toMatchObject({ account: { chain: 'ethereum', address: account.address }, user: { id: expect.any(String) }, tokenType: 'Bearer' });
  expect(body.token.split('.')).toHaveLength(3);
  const ttl = Date.parse(body.expiresAt) - Date.now();
  expect(ttl).toBeGreaterThan(13 * 60_000);
  expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  expect(await (await request.get('/api/auth/session')).json()).toEqual({ authenticated: false }); // no cookie in the jar
  const session = await (await request.get('/api/auth/session', { headers: bearer(body.token) })).json();
  expect(session).toMatchObject({ authenticated: true, via: 'bearer', user: { id: body.user.id }, account: { address: account.address } });
  expect((await request.get('/api/account/wallets', { headers: bearer(body.token) })).status()).toBe(200);
});

test('an unknown "session" kind is a 400 and starts nothing', async ({ request }) => {
  const res = await request.post('/api/auth/verify', { data: { ...(await signedBody(request, newAccount())), session: 'jwt' } });
  expect(res.status()).toBe(400);
  expect(res.headers()['set-cookie']).toBeUndefined();
});

test('sign-out with the bearer revokes the token: the gated API then answers 401', async ({ request }) => {
  const { body } = await tokenSignIn(request);
  const headers = bearer(body.token);
  expect((await request.get('/api/members/content', { headers })).status()).toBe(403);
  expect((await request.post('/api/auth/logout', { headers, data: {} })).status()).toBe(200);
  for (const path of ['/api/members/content', '/api/auth/session', '/api/account/wallets']) {
    const res = await request.get(path, { headers });
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  }
});

test('unlinking the wallet a token was issued for kills the token', async ({ request }) => {
  const { account, body } = await tokenSignIn(request);
  const headers = bearer(body.token);
  const second = newAccount();
  expect((await request.post('/api/account/wallets', { headers, data: await signedFor(request, second, 'link', headers) })).status()).toBe(201);
  const first = (await walletsOf(request, headers)).find((w) => w.address === account.address)!;
  expect((await request.delete(`/api/account/wallets/${first.id}`, { headers })).status()).toBe(200);
  const res = await request.get('/api/members/content', { headers });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.message).toMatch(/no longer linked/);
});

test('a tampered, forged or malformed bearer is 401 — and never falls back to the cookie', async ({ request, baseURL }) => {
  const { body } = await tokenSignIn(request);
  const [h, p, s] = body.token.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  const other = await newRequest.newContext({ baseURL });
  const { body: victim } = await signInApi(other);
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: victim.user.id })).toString('base64url')}.${s}`;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
  const flipped = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
  for (const authorization of [`Bearer ${tampered}`, `Bearer ${none}`, `Bearer ${flipped}`, 'Bearer x.y.z', `Basic ${body.token}`, 'Bearer', `Bearer ${body.token} extra`]) {
    const res = await other.get('/api/members/content', { headers: { authorization } }); // `other` also holds a valid cookie
    expect(res.status(), authorization.slice(0, 40)).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  }
  expect((await other.get('/api/auth/session')).status()).toBe(200); // the cookie itself still works
  await other.dispose();
});
