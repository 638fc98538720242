/**
 * ErgoAuth in the browser: the page shows the QR code (its data-value is the ergoauth:// link), the stand-in Ergo
 * Wallet app (lib/chains/ergo/test-mobile-wallet.ts, following ergoplatform/ergo-wallet-app's ErgoAuth.kt /
 * ErgoAuthUiLogic.kt) answers it from this Node test process with a real key, and the page lands signed in.
 */
import { expect, test } from '../helpers/test';
import { watchConsole } from '../helpers/flow';
import { newTestKey } from '../../lib/chains/ergo/test-keys';
import { answerErgoAuth } from '../../lib/chains/ergo/test-mobile-wallet';

// The first request wakes a cold `next start` (PGlite, migrations, ergo-lib's wasm): slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

// Wake the server (PGlite, migrations, ergo-lib's wasm) first: the page bounds each server call to 20 s, and a cold
// start on a loaded machine can take longer than that.
test.beforeAll(async ({ request }) => {
  await request.post('/api/auth/nonce', { data: { chain: 'ergo', address: newTestKey().mainnet }, timeout: 110_000 });
});

async function showQr(page: import('@playwright/test').Page, address: string) {
  await page.goto('/sign-in?next=/members');
  await page.getByTestId('chain-ergo').click();
  await page.getByTestId('wallet-ergoauth').click();
  await page.getByTestId('address-input').fill(address);
  await page.getByTestId('address-continue').click();
  const qr = page.getByTestId('qr-code');
  await expect(qr).toBeVisible({ timeout: 60_000 }); // a cold server's first nonce can be slow on a loaded machine
  const uri = (await qr.getAttribute('data-value'))!;
  expect(uri).toMatch(new RegExp(`^ergoauth://${new URL(page.url()).host}/api/ergoauth/requests/[A-Za-z0-9_-]{32}$`));
  await expect(page.getByTestId('remote-link')).toHaveAttribute('href', uri);
  await expect(page.getByTestId('message-preview')).toContainText(address);
  return uri;
}

test('ErgoAuth: QR code → the phone wallet signs → this page is signed in', async ({ page }) => {
  const errors = watchConsole(page);
  const key = newTestKey();
  const uri = await showQr(page, key.mainnet);
  await expect(page.getByTestId('qr-code')).toBeInViewport({ ratio: 1 }); // the panel scrolls it into view (phones)
  await page.screenshot({ path: 'e2e/artifacts/ergoauth-qr.png' }); // docs/wallets.md shows it (copied to docs/screenshots)
  expect((await answerErgoAuth(uri, key)).status).toBe(200);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ authenticated: true, account: { chain: 'ergo', address: key.mainnet } });
  expect(errors).toEqual([]);
});

test('ErgoAuth: a reply the server refuses is shown on the waiting page, with a way to try again', async ({ page }) => {
  const key = newTestKey();
  const uri = await showQr(page, key.mainnet);
  expect((await answerErgoAuth(uri, key, 'mainnet', { signWith: newTestKey() })).status).toBe(401);
  await expect(page.getByTestId('sign-in-error')).toContainText('refused');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await (await page.request.get('/api/auth/session')).json()).toEqual({ authenticated: false });
});

test('ErgoAuth: Cancel while the QR code is shown returns the panel to a usable state', async ({ page }) => {
  await showQr(page, newTestKey().mainnet);
  await page.getByTestId('cancel-flow').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Cancelled');
  await expect(page.getByTestId('wallet-ergoauth')).toBeEnabled();
});
