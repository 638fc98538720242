/** GET /api/members/content (issue 9): the same gate as /members, as JSON. */
import { expect, request as newRequest, test } from '@playwright/test';
import { signInApi } from '../helpers/api';

test('anonymous 401, not holding 403, holding 200 with the members-only content — like the page', async ({ request, baseURL }) => {
  const anon = await newRequest.newContext({ baseURL });
  const res401 = await anon.get('/api/members/content');
  expect(res401.status()).toBe(401);
  expect(await res401.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  await anon.dispose();

  const { account } = await signInApi(request);
  const res403 = await request.get('/api/members/content');
  expect(res403.status()).toBe(403);
  expect(await res403.json()).toMatchObject({ error: { code: 'forbidden' } });
  expect((await request.get('/members', { maxRedirects: 0 })).headers().location).toMatch(/\/no-access$/);

  expect((await request.post('/api/demo/holdings', { data: { action: 'grant' } })).status()).toBe(200);
  const res200 = await request.get('/api/members/content');
  expect(res200.status()).toBe(200);
  expect(res200.headers()['cache-control']).toBe('no-store');
  const body = await res200.json();
  expect(body).toMatchObject({ holder: { chain: 'ethereum', address: account.address }, rule: { id: 'eth-pass', min: '1' }, balance: '1' });
  expect(body.content.items.length).toBeGreaterThan(0);
  const page = await request.get('/members', { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(body.content.items[0].title);

  expect((await request.post('/api/demo/holdings', { data: { action: 'remove' } })).status()).toBe(200);
  expect((await request.get('/api/members/content')).status()).toBe(403);
});
