/**
 * The Content-Security-Policy the app really runs under: each chain's demo-wallet sign-in (real key, WebAssembly
 * where the chain needs it), the gate and the demo ledger, with no `securitypolicyviolation` event and no console
 * error — and an injected inline script without the nonce is blocked (so the policy is not a no-op).
 */
import { expect, test } from '../helpers/test';
import { LIVE_FIXTURES } from '../fixtures';
import { signIn, watchConsole } from '../helpers/flow';

const recordViolations = () => {
  const w = window as unknown as { __cspViolations: string[] };
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
};
const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

for (const fx of LIVE_FIXTURES)
  test(`${fx.chain}: demo-wallet sign-in and the gate run with no CSP violation`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.addInitScript(recordViolations);
    await signIn(page, fx.chain, 'demo', '/sign-in?next=/');
    await expect(page.getByTestId('session-card')).toContainText('Signed in');
    expect(await violations(page)).toEqual([]);
    await page.goto('/members');
    await expect(page).toHaveURL(/\/no-access$/);
    await page.getByTestId('demo-grant').click();
    await expect(page.getByTestId('members-title')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
  });

test('the policy bites: an injected inline handler (the classic XSS) does not run, and is reported', async ({ page }) => {
  await page.addInitScript(recordViolations);
  await page.goto('/');
  const ran = await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onerror="window.__injected = true">');
    return new Promise((r) => setTimeout(() => r((window as unknown as { __injected?: boolean }).__injected === true), 300));
  });
  expect(ran).toBe(false);
  expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
});
