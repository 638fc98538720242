/** One person, several wallets: link a second chain's demo wallet, the gate counts it, unlinking closes the gate. */
import { expect, test } from '../helpers/test';
import { chooseWallet, signIn, watchConsole } from '../helpers/flow';

test('link a Cardano wallet to an Ethereum account; its pass opens the gate; unlinking it closes the gate', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'ethereum', 'demo', '/sign-in?next=/account');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('linked-ethereum')).toBeVisible();
  await expect(page.getByTestId('unlink-ethereum')).toBeDisabled(); // the last wallet cannot go

  await page.getByTestId('link-wallet').click();
  await expect(page.getByRole('heading', { name: 'Link another wallet' })).toBeVisible();
  await chooseWallet(page, 'cardano', 'demo');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('linked-cardano')).toBeVisible();
  const cardanoAddress = (await page.getByTestId('linked-cardano').locator('dd.address').textContent())!.trim();

  await page.goto('/members');
  await expect(page).toHaveURL(/\/no-access$/);
  await page.getByTestId('demo-wallet-cardano').getByTestId('demo-grant').click();
  await expect(page.getByTestId('members-title')).toBeVisible();
  await expect(page.getByTestId('members-wallet')).toContainText(`Cardano · ${cardanoAddress}`);

  await page.goto('/account');
  await page.getByTestId('unlink-cardano').click();
  await expect(page.getByTestId('linked-cardano')).toHaveCount(0);
  await page.goto('/members');
  await expect(page).toHaveURL(/\/no-access$/);
  expect(errors).toEqual([]);
});
