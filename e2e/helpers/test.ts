/**
 * The e2e `test`: every page runs offline like CI does. Requests that leave this machine are answered locally
 * (NEAR Connect's wallet manifest with an empty list; anything else with 204), so no test waits on a network
 * that is not there and the console stays clean.
 */
import { test as base } from '@playwright/test';

const EMPTY_NEAR_MANIFEST = JSON.stringify({ wallets: [], version: '1.0.0' });

export const test = base.extend({
  page: async ({ page }, use) => {
    await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) =>
      route.request().url().endsWith('manifest.json')
        ? route.fulfill({ status: 200, contentType: 'application/json', body: EMPTY_NEAR_MANIFEST })
        : route.fulfill({ status: 204 }),
    );
    await use(page);
  },
});

export { expect } from '@playwright/test';
