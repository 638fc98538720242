/**
 * WalletConnect v2 (Ethereum) on the app started with WALLETCONNECT_PROJECT_ID (port offset 3). The relay cannot
 * be reached from here, so the page's relay socket is routed to an in-test relay and the phone is WalletConnect's
 * own sign-client wallet (e2e/fixtures/walletconnect.ts); nothing in the app is replaced.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/test';
import { appUrl } from '../helpers/ports';
import { watchConsole } from '../helpers/flow';
import { RELAY, Relay, routeRelay, startPhoneWallet } from '../fixtures/walletconnect';

const WC = 'wallet-walletConnect';

// The server's first database call (PGlite migrations in memory) can take longer than the flow's 20 s server wait
// on a loaded machine; make it before the tests time the flow.
test.beforeAll(async ({ playwright }, info) => {
  info.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL: String(info.project.use.baseURL) });
  await api.post('/api/auth/nonce', { data: { chain: 'ethereum', address: '0x000000000000000000000000000000000000dEaD' }, timeout: 110_000 });
  await api.dispose();
});

async function openEthereum(page: Page, base = '') {
  await page.goto(`${base}/sign-in`);
  await page.getByTestId('chain-ethereum').click();
  await expect(page.getByTestId('wallet-demo')).toBeVisible();
}

/** Script URLs and bodies the page loads, recorded as they arrive. */
function recordScripts(page: Page) {
  const bodies = new Map<string, Promise<string>>();
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') bodies.set(res.url(), res.text().catch(() => ''));
  });
  return bodies;
}

test('without WALLETCONNECT_PROJECT_ID the option is not offered', async ({ page }) => {
  await openEthereum(page, appUrl(0));
  await expect(page.getByTestId(WC)).toHaveCount(0);
});

test('with it, the option is offered and the WalletConnect SDK arrives only when it is chosen', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.routeWebSocket(RELAY, () => undefined); // a relay that never answers: this test only watches chunks
  await openEthereum(page);
  await expect(page.getByTestId(WC)).toBeVisible();
  await page.waitForLoadState('networkidle');
  const before = new Set(scripts.keys());
  const carriesSdk = async (urls: Iterable<string>) => {
    for (const url of urls) if ((await scripts.get(url))?.includes('relay.walletconnect.org')) return true;
    return false;
  };
  expect(await carriesSdk(before), 'the WalletConnect provider must not load with the picker or the chain').toBe(false);
  await page.getByTestId(WC).click();
  await expect(page.getByTestId('step-connecting')).toBeVisible();
  await expect.poll(() => carriesSdk([...scripts.keys()].filter((u) => !before.has(u)))).toBe(true);
  await page.getByTestId('cancel-flow').click();
});

test('desktop: the pairing URI becomes a QR code; the phone wallet connects and signs; a session starts', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const relay = new Relay();
  const phone = await startPhoneWallet(relay, { chainId: 1 });
  try {
    await routeRelay(page, relay);
    await openEthereum(page);
    await page.getByTestId(WC).click();
    const qr = page.getByTestId('qr-code');
    await expect(qr).toBeVisible();
    const uri = (await qr.getAttribute('data-value')) ?? '';
    expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/);
    // The same URI as a link: on a phone, it opens the wallet app (the deep link).
    await expect(page.getByTestId('remote-link')).toHaveAttribute('href', uri);
    await expect(page.getByTestId('qr-code')).toBeInViewport({ ratio: 1 }); // the panel scrolls it into view (phones)
    await page.screenshot({ path: 'e2e/artifacts/walletconnect-qr.png' }); // docs/wallets.md shows it (copied to docs/screenshots)
    await phone.pair(uri);
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
    const session = await (await page.request.get('/api/auth/session')).json();
    expect(session.account).toEqual({ chain: 'ethereum', address: phone.address });
    expect(phone.signed).toHaveLength(1);
    expect(relay.methods).toContain('wc_proposeSession');
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
    if (test.info().status !== 'passed') console.log(relay.log.join('\n'));
  }
});

test('a phone wallet that refuses to sign: said in words, nothing signed in, the panel usable', async ({ page }) => {
  test.setTimeout(90_000);
  const relay = new Relay();
  const phone = await startPhoneWallet(relay, { chainId: 1, reject: true });
  try {
    await routeRelay(page, relay);
    await openEthereum(page);
    await page.getByTestId(WC).click();
    await phone.pair((await page.getByTestId('qr-code').getAttribute('data-value')) ?? '');
    await expect(page.getByTestId('sign-in-error')).toContainText('Rejected in wallet. Nothing was signed.', { timeout: 30_000 });
    await expect(page.getByTestId('wallet-demo')).toBeEnabled();
    const session = await (await page.request.get('/api/auth/session')).json();
    expect(session.authenticated).toBe(false);
  } finally {
    await phone.close();
  }
});

test('a relay that refuses the connection: a clear message and the panel is usable again', async ({ page }) => {
  await page.routeWebSocket(RELAY, (ws) => ws.close({ code: 3000, reason: 'Unauthorized: invalid key' }));
  await openEthereum(page);
  await page.getByTestId(WC).click();
  const error = page.getByTestId('sign-in-error');
  await expect(error).toContainText('Could not reach the WalletConnect relay', { timeout: 25_000 });
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByTestId('wallet-demo')).toBeEnabled();
  await page.getByTestId('wallet-demo').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
});

test('a relay that never answers: a bounded wait, and Cancel works at any moment', async ({ page }) => {
  await page.routeWebSocket(RELAY, () => undefined);
  await openEthereum(page);
  await page.getByTestId(WC).click();
  await page.getByTestId('cancel-flow').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Cancelled');
  await expect(page.getByTestId(WC)).toBeEnabled();
  await page.getByTestId(WC).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Could not reach the WalletConnect relay (no answer in 15 s)', { timeout: 25_000 });
  await expect(page.getByTestId(WC)).toBeEnabled();
});

test('configuring WalletConnect does not grow the picker: /sign-in loads the same scripts (recorded)', async ({ page }) => {
  const firstLoad = async (base: string) => {
    const scripts = recordScripts(page);
    await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle' });
    const bodies = await Promise.all(scripts.values());
    return { paths: [...scripts.keys()].map((u) => new URL(u).pathname).sort(), kib: Math.round(bodies.reduce((n, b) => n + b.length, 0) / 1024) };
  };
  const without = await firstLoad(appUrl(0));
  const configured = await firstLoad(appUrl(3));
  console.log(`/sign-in first-load JS (KiB, uncompressed): without WalletConnect ${without.kib}, with WALLETCONNECT_PROJECT_ID ${configured.kib}`);
  expect(configured.paths).toEqual(without.paths);
});
