/**
 * Chain SDKs load on demand: nothing a connector needs is in /sign-in's first load; choosing a chain fetches new
 * chunks. Also records the first-load JS of /, /sign-in and /members (e2e/artifacts/first-load.json) for the notes.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/test';
import { LIVE_CHAINS } from '../../lib/chains/registry';
import { signIn } from '../helpers/flow';

/** Script responses of a page: URLs recorded at once (no race with `networkidle`), sizes once bodies are read. */
function recordScripts(page: Page) {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    sizes.set(res.url(), 0);
    pending.push(res.body().then((b) => void sizes.set(res.url(), b.length), () => undefined));
  });
  return { sizes, settled: () => Promise.all(pending) };
}
const kib = (m: Map<string, number>) => Math.round([...m.values()].reduce((a, b) => a + b, 0) / 1024);

test('the picker ships no chain SDK; each chain loads its own chunks when chosen', async ({ page }) => {
  const { sizes: scripts } = recordScripts(page);
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  const initial = new Set(scripts.keys());
  for (const chain of LIVE_CHAINS) {
    const before = new Set(scripts.keys());
    await page.getByTestId(`chain-${chain}`).click();
    await expect(page.getByTestId('wallet-demo')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const added = [...scripts.keys()].filter((u) => !before.has(u));
    expect.soft(added.length, `${chain}: its connector should arrive as new chunks`).toBeGreaterThan(0);
    for (const url of added) expect(initial.has(url)).toBe(false);
  }
});

test('first-load JS of /, /sign-in and /members (recorded)', async ({ page }) => {
  const sizes: Record<string, number> = {};
  for (const path of ['/', '/sign-in']) {
    const scripts = recordScripts(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await scripts.settled();
    sizes[path] = kib(scripts.sizes);
  }
  await signIn(page, 'ethereum', 'demo', '/sign-in?next=/no-access');
  await page.getByTestId('demo-grant').click();
  await expect(page.getByTestId('members-title')).toBeVisible();
  const scripts = recordScripts(page);
  await page.goto('/members', { waitUntil: 'networkidle' });
  await scripts.settled();
  sizes['/members'] = kib(scripts.sizes);
  mkdirSync('e2e/artifacts', { recursive: true });
  writeFileSync('e2e/artifacts/first-load.json', JSON.stringify({ unit: 'KiB (uncompressed JS)', ...sizes }, null, 2));
  console.log('first-load JS (KiB, uncompressed):', sizes);
  expect(Object.values(sizes).every((n) => n > 0)).toBe(true);
});
