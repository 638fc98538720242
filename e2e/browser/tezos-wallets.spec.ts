/**
 * Tezos wallets in the browser, offline:
 *  - Beacon (the real @airgap/beacon-sdk, no wallet and no relay reachable): Cancel gives the panel back at once;
 *    left alone, a bounded timeout says so in words; no uncaught error or unhandled rejection either way.
 *  - Kukai: the real kukai-embed, talking over postMessage to a stand-in of Kukai's embedded page (e2e/fixtures/tezos.ts,
 *    following Kukai's own source), signs in end to end with a real tz2 key; kukai-embed loads only on click.
 */
import { request as playwrightRequest, type Page } from '@playwright/test';
import { BEACON_TIMEOUT_MS } from '../../lib/chains/tezos/beacon';
import { installKukai } from '../fixtures/tezos';
import { expect, test } from '../helpers/test';
import { watchConsole } from '../helpers/flow';

// The first request to a fresh `next start` (PGlite opening, migrations) can take a minute on a loaded machine.
test.beforeAll(async ({}, info) => {
  test.setTimeout(180_000);
  const ctx = await playwrightRequest.newContext({ baseURL: info.project.use.baseURL });
  await ctx.post('/api/auth/nonce', { data: { chain: 'tezos', address: 'tz1VSUr8wwNhLAzempoch5d6hLRiTh8Cjcjb' }, timeout: 170_000 });
  await ctx.dispose();
});

/** Uncaught errors and unhandled rejections (Chromium reports both as `pageerror`). */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function openTezos(page: Page) {
  await page.goto('/sign-in');
  await page.getByTestId('chain-tezos').click();
  await expect(page.getByTestId('wallet-beacon')).toBeVisible();
}

/** The panel is usable: a wallet button is enabled and takes a click (no overlay left on top of it). */
async function expectUsable(page: Page) {
  await expect(page.getByTestId('wallet-demo')).toBeEnabled();
  await page.getByTestId('wallet-demo').click({ trial: true, timeout: 10_000 });
}

test('Beacon: Cancel gives the panel back at once, and a new attempt can start', async ({ page }) => {
  const pageErrors = watchPageErrors(page);
  await openTezos(page);
  await page.getByTestId('wallet-beacon').click();
  await expect(page.getByTestId('step-connecting')).toContainText('Connecting to');
  await page.waitForTimeout(1_500); // let Beacon open its pairing dialog and start on the relays
  await page.getByTestId('cancel-flow').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Cancelled. Nothing was signed.', { timeout: 2_000 });
  await expectUsable(page);
  // A second attempt starts. Offline (and under the CSP) Beacon may give up on its relay at once this time, so the
  // panel answers either with "Connecting…" (then Cancel works again) or with the relay message — never silence.
  await page.getByTestId('wallet-beacon').click();
  const relayError = page.getByTestId('sign-in-error').filter({ hasText: 'relay' });
  await expect(page.getByTestId('step-connecting').or(relayError)).toBeVisible();
  const cancel = page.getByTestId('cancel-flow');
  if (await cancel.isVisible()) await cancel.click({ timeout: 2_000 }).catch(() => undefined); // the relay may fail first
  await expect(page.getByTestId('sign-in-error')).toContainText(/Cancelled\.|relay/, { timeout: 2_000 });
  await expectUsable(page);
  await page.waitForTimeout(3_000); // late rejections from Beacon's abandoned request would surface here
  expect(pageErrors).toEqual([]);
});

test('Beacon: with no wallet and a relay that never answers, a bounded timeout says so', async ({ page }) => {
  test.setTimeout(BEACON_TIMEOUT_MS + 45_000);
  const pageErrors = watchPageErrors(page);
  // The relays (Matrix nodes, WalletConnect) accept the request and never answer.
  await page.route(/papers\.tech|walletconnect|walletbeacon/, () => undefined);
  await openTezos(page);
  const started = Date.now();
  await page.getByTestId('wallet-beacon').click();
  await expect(page.getByTestId('step-connecting')).toBeVisible();
  await expect(page.getByTestId('sign-in-error')).toContainText('No answer from your Beacon wallet after 30 s', { timeout: BEACON_TIMEOUT_MS + 10_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(BEACON_TIMEOUT_MS - 1_000);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectUsable(page);
  expect(pageErrors).toEqual([]);
});

test('Kukai: kukai-embed loads on click and signs in with its own template (tz2)', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  const { address } = await installKukai(page);
  const scripts: string[] = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.push(await res.text().catch(() => ''));
  });
  await openTezos(page);
  await page.waitForLoadState('networkidle');
  const hasKukaiEmbed = () => scripts.some((body) => body.includes('kukai-embed-instance-id'));
  expect(hasKukaiEmbed(), 'kukai-embed must not load before Kukai is chosen').toBe(false);
  // Warm the server's database first: on a loaded machine its first query can outlast the flow's 20 s bound.
  expect((await page.request.post('/api/auth/nonce', { data: { chain: 'tezos', address } })).status()).toBe(200);
  await page.getByTestId('wallet-kukai').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 45_000 });
  expect(hasKukaiEmbed()).toBe(true);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ authenticated: true, account: { chain: 'tezos', address } });
  expect(address.startsWith('tz2')).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('Kukai: closing its login leaves a usable panel', async ({ page }) => {
  const pageErrors = watchPageErrors(page);
  await installKukai(page, { closeLogin: true });
  await openTezos(page);
  await page.getByTestId('wallet-kukai').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Rejected in wallet', { timeout: 10_000 });
  await expectUsable(page);
  expect(pageErrors).toEqual([]);
});

test('Kukai: a Kukai that never answers (origin not allowlisted) can be cancelled, and its iframe goes', async ({ page }) => {
  const pageErrors = watchPageErrors(page);
  await installKukai(page, { silent: true });
  await openTezos(page);
  await page.getByTestId('wallet-kukai').click();
  await expect(page.getByTestId('step-connecting')).toBeVisible();
  await expect(page.locator('#kukai-iframe')).toHaveCount(1);
  await page.waitForTimeout(1_000);
  await page.getByTestId('cancel-flow').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Cancelled.', { timeout: 2_000 });
  await expect(page.locator('#kukai-iframe')).toHaveCount(0);
  await expectUsable(page);
  expect(pageErrors).toEqual([]);
});
