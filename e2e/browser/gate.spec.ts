/** Sign-in and the gate, per live chain: injected wallet (real key) and demo wallet, through grant/remove/sign-out. */
import { expect, test } from '../helpers/test';
import { LIVE_FIXTURES } from '../fixtures';
import { chooseWallet, signIn, signOut, watchConsole } from '../helpers/flow';

for (const fx of LIVE_FIXTURES) {
  test.describe(fx.chain, () => {
    test(`${fx.chain}: injected wallet — members redirect, no-access, grant, remove, sign-out`, async ({ page }) => {
      const errors = watchConsole(page);
      const { address } = await fx.install(page);
      await page.goto('/members');
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fmembers$/);
      await chooseWallet(page, fx.chain, fx.injectedWalletId);
      await expect(page).toHaveURL(/\/no-access$/);
      await expect(page.getByTestId('gate-rules')).toBeVisible();
      await page.getByTestId('demo-grant').click();
      await expect(page).toHaveURL(/\/members$/);
      await expect(page.getByTestId('members-title')).toBeVisible();
      await expect(page.getByTestId('members-wallet')).toContainText(address);
      await page.getByTestId('demo-remove').click();
      await expect(page).toHaveURL(/\/no-access$/);
      await page.goto('/members');
      await expect(page).toHaveURL(/\/no-access$/);
      await signOut(page);
      await page.goto('/members');
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fmembers$/);
      expect(errors).toEqual([]);
    });

    test(`${fx.chain}: rejection in the wallet is said in words`, async ({ page }) => {
      await fx.install(page, { reject: true });
      await page.goto('/sign-in');
      await chooseWallet(page, fx.chain, fx.injectedWalletId);
      await expect(page.getByTestId('sign-in-error')).toContainText('Rejected in wallet');
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
      const session = await (await page.request.get('/api/auth/session')).json();
      expect(session).toEqual({ authenticated: false });
    });

    test(`${fx.chain}: demo wallet signs in with a real key`, async ({ page }) => {
      const errors = watchConsole(page);
      await signIn(page, fx.chain, 'demo', '/sign-in?next=/');
      await expect(page.getByTestId('session-card')).toContainText('Signed in');
      const session = await (await page.request.get('/api/auth/session')).json();
      expect(session).toMatchObject({ authenticated: true, account: { chain: fx.chain } });
      await page.goto('/members');
      await expect(page).toHaveURL(/\/no-access$/);
      await page.getByTestId('demo-grant').click();
      await expect(page.getByTestId('members-title')).toBeVisible();
      expect(errors).toEqual([]);
    });
  });
}
