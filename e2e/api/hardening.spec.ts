/**
 * Hardening found from outside (issue 14 §4), over HTTP against the production build: the Origin check on
 * state-changing requests, 400 (never 5xx) for undecodable path segments, and the headers on every answer.
 */
import { expect, request as newRequest, test } from '@playwright/test';
import { newAccount, signedBody, signInApi } from '../helpers/api';

const session = (request: Parameters<typeof signInApi>[0]) => request.get('/api/auth/session').then((r) => r.json());

test('a cross-origin logout carrying the cookie is refused (403 forbidden_origin) and does not sign out', async ({ request, baseURL }) => {
  await signInApi(request);
  const app = new URL(baseURL!);
  const sameSiteOtherPort = `${app.protocol}//${app.hostname}:${Number(app.port) + 7}`;
  const foreign: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: sameSiteOtherPort },
    { origin: `${app.protocol}//sub.${app.host}` },
    { origin: app.origin.replace('http:', 'https:') },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
  for (const headers of foreign) {
    const res = await request.post('/api/auth/logout', { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
    expect(res.headers()['cache-control']).toContain('no-store');
    expect((await session(request)).authenticated).toBe(true);
  }
  // From the app's own origin (as the page's fetch sends it), logout works.
  expect((await request.post('/api/auth/logout', { headers: { origin: app.origin, 'sec-fetch-site': 'same-origin' } })).status()).toBe(200);
  expect((await session(request)).authenticated).toBe(false);
});

test('login CSRF: a cross-origin verify is refused and sets no cookie; no Origin at all (curl, CLI) still works', async ({ baseURL }) => {
  const ctx = await newRequest.newContext({ baseURL });
  const account = newAccount();
  const body = await signedBody(ctx, account);
  const res = await ctx.post('/api/auth/verify', { data: body, headers: { origin: 'https://evil.example' } });
  expect(res.status()).toBe(403);
  expect(res.headers()['set-cookie']).toBeUndefined();
  expect((await session(ctx)).authenticated).toBe(false);
  // The nonce was not spent by the refused request: the same signed body verifies from a client without Origin.
  expect((await ctx.post('/api/auth/verify', { data: body })).status()).toBe(200);
  expect((await session(ctx)).authenticated).toBe(true);
  await ctx.dispose();
});

test('every other state-changing route refuses a foreign Origin before doing anything', async ({ request }) => {
  await signInApi(request);
  const evil = { origin: 'https://evil.example' };
  const cases: [string, string, object?][] = [
    ['POST', '/api/auth/nonce', { chain: 'ethereum', address: newAccount().address }],
    ['POST', '/api/account/wallets', {}],
    ['DELETE', '/api/account/wallets/some-id'],
    ['POST', '/api/actions/nonce', { action: 'profile.update', params: { displayName: 'X' } }],
    ['POST', '/api/actions/confirm', {}],
    ['POST', '/api/demo/holdings', { action: 'grant' }],
  ];
  for (const [method, url, data] of cases) {
    const res = await request.fetch(url, { method, data, headers: evil });
    expect(res.status(), `${method} ${url}`).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
  }
  expect((await session(request)).authenticated).toBe(true);
});

test('a bearer-token client (no cookie) is not affected by the Origin check', async ({ baseURL }) => {
  const ctx = await newRequest.newContext({ baseURL });
  const body = await signedBody(ctx, newAccount());
  const { token } = await (await ctx.post('/api/auth/verify', { data: { ...body, session: 'token' } })).json();
  const bearer = await newRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, origin: 'https://other-app.example' } });
  expect((await (await bearer.get('/api/auth/session')).json()).authenticated).toBe(true);
  expect((await bearer.post('/api/auth/logout')).status()).toBe(200);
  expect((await bearer.get('/api/auth/session')).status()).toBe(401); // the revoked token no longer works
  await Promise.all([ctx.dispose(), bearer.dispose()]);
});

test('malformed percent-escapes in a dynamic segment answer 400 malformed_input, never 5xx (fuzzed)', async ({ request }) => {
  await signInApi(request);
  const segments = ['%FF', '%ZZ', '%E0%A4%A', '%', '%%', '%C0%AF', '%ED%A0%80', 'a%2', '%u0041', '%00%FF'];
  const routes: [string, string][] = [['GET', '/api/account/wallets/'], ['DELETE', '/api/account/wallets/']];
  for (const [method, prefix] of routes)
    for (const s of segments) {
      const res = await request.fetch(prefix + s, { method });
      expect(res.status(), `${method} ${prefix}${s}`).toBeLessThan(500);
      if (res.status() === 400) expect((await res.json()).error.code).toBe('malformed_input');
    }
  for (const [method, url] of [['GET', '/api/account/wallets/%FF'], ['DELETE', '/api/account/wallets/%ZZ'], ['DELETE', '/api/account/wallets/%E0%A4%A']]) {
    const res = await request.fetch(url, { method });
    expect(res.status(), `${method} ${url}`).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_input');
  }
  // Well-formed but unknown ids stay a 4xx of their own (404 / 405), with the headers.
  const ok = await request.fetch('/api/account/wallets/%41', { method: 'DELETE' });
  expect(ok.status()).toBeLessThan(500);
});

test('API answers carry nosniff and no-store on every status, 405 from Next included; pages get the CSP', async ({ request }) => {
  const answers = [
    await request.get('/api/auth/session'), // 200
    await request.post('/api/auth/verify', { data: {} }), // 400
    await request.get('/api/members/content'), // 401
    await request.delete('/api/auth/session'), // 405 (no DELETE handler)
    await request.put('/api/auth/logout'), // 405
  ];
  expect(answers.map((r) => r.status())).toEqual([200, 400, 401, 405, 405]);
  for (const r of answers) {
    expect(r.headers()['x-content-type-options']).toBe('nosniff');
    expect(r.headers()['cache-control']).toContain('no-store');
    expect(r.headers()['x-powered-by']).toBeUndefined();
  }
  const page = await request.get('/sign-in');
  const csp = page.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain('wss://relay.walletconnect.org');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(page.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page.headers()['permissions-policy']).toContain('camera=()');
  expect(page.headers()['cache-control']).toContain('no-store');
  // The nonce is per request, and it is the one on the page's scripts.
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  expect((await request.get('/sign-in')).headers()['content-security-policy']).not.toContain(nonce);
  expect(await page.text()).toContain(`nonce="${nonce}"`);
});
