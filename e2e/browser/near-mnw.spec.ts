/**
 * MyNearWallet in the browser (issue 12 §1): the picker's normal NEAR connector hands MyNearWallet the current page
 * on APP_URL as callbackUrl and tells the server it was signed. The stand-in signs as MyNearWallet's own code does
 * (e2e/fixtures/near.ts `installMyNearWallet`, following hot-dao/near-selector `near-wallets/src/mnw.ts` and
 * mynearwallet/my-near-wallet `packages/frontend/src/utils/signMessage.ts`).
 */
import { expect, test } from '../helpers/test';
import { chooseWallet, watchConsole } from '../helpers/flow';
import { installMyNearWallet } from '../fixtures/near';

test('MyNearWallet signs in: it signs our page as callbackUrl and the server verifies exactly that', async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  const wallet = await installMyNearWallet(page);
  await page.goto('/sign-in?next=/');
  await chooseWallet(page, 'near', 'mynearwallet');
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(wallet.signed).toEqual([`${baseURL}/sign-in`]);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ authenticated: true, account: { chain: 'near', address: wallet.address } });
  expect(errors).toEqual([]);
});

test('a MyNearWallet signature over a foreign callbackUrl is refused in words, with no session', async ({ page }) => {
  await installMyNearWallet(page, { forceCallbackUrl: 'https://evil.example/near' });
  await page.goto('/sign-in');
  await chooseWallet(page, 'near', 'mynearwallet');
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session).toEqual({ authenticated: false });
});
