/**
 * Cardano sign-in in the browser with each wallet-code fake (e2e/fixtures/cardano.ts): the page's CIP-30 signData
 * goes to Node, where the wallet's own library signs the server's actual nonce message. gate.spec.ts covers Lace
 * (the default); here Nami's layout, Lace on the base-address fallback, and the wrong-network answer.
 */
import { expect, test } from '../helpers/test';
import { fixture as cardano, CARDANO_TEST_WALLET } from '../fixtures/cardano';
import { chooseWallet, watchConsole } from '../helpers/flow';

const signedInAs = async (page: import('@playwright/test').Page) => (await page.request.get('/api/auth/session')).json();

for (const [signer, noRewardAddress] of [['nami', false], ['lace', true]] as const) {
  test(`cardano ${signer}${noRewardAddress ? ' (no reward address: base)' : ''}: signs in through the wallet's own signData`, async ({ page }) => {
    const errors = watchConsole(page);
    const { address } = await cardano.install(page, { signer, noRewardAddress });
    expect(address).toMatch(noRewardAddress ? /^addr1/ : /^stake1/);
    await page.goto('/sign-in?next=/');
    await chooseWallet(page, 'cardano', CARDANO_TEST_WALLET);
    await expect(page.getByTestId('session-card')).toContainText('Signed in');
    expect(await signedInAs(page)).toMatchObject({ authenticated: true, account: { chain: 'cardano', address } });
    expect(errors).toEqual([]);
  });
}

test('cardano: a wallet on another network is told to switch, and no session is made', async ({ page }) => {
  await cardano.install(page, { signer: 'nami', network: 'preprod' });
  await page.goto('/sign-in');
  await chooseWallet(page, 'cardano', CARDANO_TEST_WALLET);
  await expect(page.getByTestId('sign-in-error')).toContainText('Switch Walletgate Test Wallet to Cardano Mainnet');
  expect(await signedInAs(page)).toEqual({ authenticated: false });
});
