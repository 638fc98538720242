/** Steps every browser test shares: pick a chain, pick a wallet, watch the console. */
import { expect, type Page } from '@playwright/test';
import type { ChainId } from '../../lib/chains/types';

export async function chooseWallet(page: Page, chain: ChainId, walletId: string) {
  await page.getByTestId(`chain-${chain}`).click();
  await page.getByTestId(`wallet-${walletId}`).click();
}

export async function signIn(page: Page, chain: ChainId, walletId: string, path = '/sign-in') {
  await page.goto(path);
  await chooseWallet(page, chain, walletId);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page.getByText('You are not signed in')).toBeVisible();
}

/** Collects console errors and uncaught page errors; tests assert the list stays empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
