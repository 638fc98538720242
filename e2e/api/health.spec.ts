import { expect, test } from '@playwright/test';

test('GET /api/health: 200 once the database answers, never cached', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
  expect(res.headers()['cache-control']).toBe('no-store');
});
