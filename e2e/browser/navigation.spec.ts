/** The picker, redirects and `next`, account switching, phone layout, screenshots kept as artifacts. */
import type { Page, Route } from '@playwright/test';
import { expect, test } from '../helpers/test';
import { CHAIN_LIST } from '../../lib/chains/registry';
import { fixture as eth } from '../fixtures/ethereum';
import { chooseWallet, signIn, watchConsole } from '../helpers/flow';
import { appUrl } from '../helpers/ports';

test('the picker shows every chain from the registry; chains not built yet are disabled', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/sign-in');
  for (const c of CHAIN_LIST) {
    const tile = page.getByTestId(`chain-${c.id}`);
    await expect(tile).toContainText(c.name);
    if (c.status === 'live') await expect(tile).toBeEnabled();
    else await expect(tile).toBeDisabled();
  }
  await page.screenshot({ path: 'e2e/artifacts/sign-in-picker.png', fullPage: true });
  await page.getByTestId('chain-ethereum').click();
  await expect(page.getByTestId('wallet-demo')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/sign-in-wallets.png', fullPage: true });
  expect(errors).toEqual([]);
});

for (const next of ['https://evil.test/members', '//evil.test/members', '/\\evil.test', '/..//evil.test']) {
  test(`an off-site next (${next}) stays on site`, async ({ page }) => {
    await signIn(page, 'ethereum', 'demo', `/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(`${appUrl(0)}/`);
  });
}

test('a wallet account switch is noticed and offered as a new sign-in', async ({ page }) => {
  await eth.install(page);
  await page.goto('/sign-in?next=/');
  await chooseWallet(page, 'ethereum', eth.injectedWalletId);
  await expect(page.getByTestId('session-card')).toContainText('Signed in');
  const newAddress = await eth.switchAccount(page);
  const banner = page.getByTestId('account-switched');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(newAddress.slice(0, 6));
  await expect(banner.getByRole('link', { name: /Sign in as/ })).toBeVisible();
});

test('members page at phone width, keyboard-reachable buttons; screenshot kept', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'ethereum', 'demo', '/sign-in?next=/members');
  await expect(page).toHaveURL(/\/no-access$/);
  await expect(page.getByTestId('demo-grant')).toBeEnabled();
  await page.getByTestId('demo-grant').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('members-title')).toBeVisible();
  // clientWidth, not innerWidth: a transient vertical scrollbar is not horizontal overflow.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/artifacts/members-phone.png', fullPage: true });
});

test('no Ethereum wallet in the browser: said in words, with install links and the demo wallet', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByTestId('chain-ethereum').click();
  await expect(page.getByTestId('no-wallet')).toContainText('No Ethereum wallet found');
  await expect(page.getByRole('link', { name: 'Install MetaMask' })).toHaveAttribute('href', /metamask\.io/);
  await expect(page.getByTestId('wallet-demo')).toBeVisible();
});

/** Makes one API call fail the given way, checks the words shown, then retries with the real server. */
async function failOnceThenRetry(page: Page, path: string, fail: (route: Route) => Promise<void>, words: string) {
  await page.goto('/sign-in');
  await page.getByTestId('chain-ethereum').click();
  await page.route(path, fail);
  await page.getByTestId('wallet-demo').click();
  await expect(page.getByTestId('sign-in-error')).toContainText(words);
  await page.unroute(path);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('the server unreachable during sign-in is said in words, with a retry', async ({ page }) => {
  await failOnceThenRetry(page, '**/api/auth/nonce', (route) => route.abort('connectionrefused'), 'Can’t reach the server');
});

test('an expired sign-in request is said in words and can be retried', async ({ page }) => {
  const expired = { error: { code: 'expired', message: 'Sign-in expired — try again.' } };
  await failOnceThenRetry(page, '**/api/auth/verify', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify(expired) }), 'Nonce expired — try again');
});

test('while the wallet is asked, the page says "Check your wallet…" and shows the exact text', async ({ page }) => {
  await eth.install(page, { signDelayMs: 1500 });
  await page.goto('/sign-in');
  await chooseWallet(page, 'ethereum', eth.injectedWalletId);
  await expect(page.getByTestId('step-signing')).toContainText('Check your wallet…');
  await expect(page.getByTestId('message-preview')).toContainText(`${new URL(appUrl(0)).host} wants you to sign in with your Ethereum account:`);
  await expect(page).not.toHaveURL(/\/sign-in/);
});
