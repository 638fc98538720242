/** Issue 9 in the browser: a holder edits the profile; the demo wallet signs the exact text shown; the new name shows. */
import { expect, test } from '../helpers/test';
import { signIn, watchConsole } from '../helpers/flow';

test('demo wallet: grant, edit the profile with a wallet signature, the new name shows', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'ethereum', 'demo', '/sign-in?next=/members');
  await expect(page).toHaveURL(/\/no-access$/);
  await page.getByTestId('demo-grant').click();
  await expect(page.getByTestId('members-title')).toBeVisible();
  await expect(page.getByTestId('profile-name')).toHaveText('Not set yet');
  await expect(page.getByTestId('profile-form')).toHaveAttribute('data-ready', 'true'); // hydrated, wallet found

  await page.getByTestId('profile-display-name').fill('North Shore');
  await page.getByTestId('profile-bio-input').fill('Sailing on weekends.');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await expect(page.getByTestId('profile-name')).toHaveText('North Shore');
  await expect(page.getByTestId('profile-bio')).toHaveText('Sailing on weekends.');
  await page.reload();
  await expect(page.getByTestId('profile-name')).toHaveText('North Shore');
  expect(errors).toEqual([]);
});

test('a tab without the wallet it signed in with says so and offers to sign in again', async ({ page }) => {
  await signIn(page, 'ethereum', 'demo', '/sign-in?next=/members');
  await page.getByTestId('demo-grant').click();
  await expect(page.getByTestId('members-title')).toBeVisible();
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await expect(page.getByTestId('profile-no-wallet')).toContainText('This tab has no wallet to sign with');
  await expect(page.getByRole('link', { name: 'Sign in again' })).toBeVisible();
});
