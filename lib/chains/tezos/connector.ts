/**
 * Tezos connector: three adapters behind one picker.
 * - Beacon (@airgap/beacon-sdk, loaded on connect): Temple, Kukai, Umami and every other Beacon wallet.
 * - Kukai's embedded social-login wallet (kukai-embed, loaded on connect): signs its own JSON template, so its
 *   SignedPayload carries the `message` it signed (see kukai.ts).
 * - Injected providers at `window.tezos` (documented in injected.ts): wallets exposing that interface, and the
 *   e2e fixture, which cannot speak Beacon's encrypted extension protocol.
 * Plus the demo wallet when enabled. Every adapter returns the same SignedPayload: { signature, publicKey,
 * extras: { payload } }, the Micheline hex signed.
 */
import { WalletError, type CreateConnector, type WalletOption } from '../types';
import { connectInjected, injectedOptions } from './injected';
import { WALLET_IDS } from './sign-request';

const BEACON_OPTION: WalletOption = { id: WALLET_IDS.beacon, name: 'Temple, Kukai, Umami… (Beacon)', kind: 'remote' };
const KUKAI_OPTION: WalletOption = { id: WALLET_IDS.kukai, name: 'Kukai (Google, email…)', kind: 'remote' };

const createTezosConnector: CreateConnector = (ctx) => ({
  chain: 'tezos',
  async listWallets() {
    const demo: WalletOption[] = ctx.demoWallets ? [{ id: WALLET_IDS.demo, kind: 'demo', name: 'Demo wallet' }] : [];
    return [...injectedOptions(), BEACON_OPTION, KUKAI_OPTION, ...demo];
  },
  async connect(walletId, options) {
    if (walletId === WALLET_IDS.beacon) return (await import('./beacon')).connectBeacon(ctx, options);
    if (walletId === WALLET_IDS.kukai) return (await import('./kukai')).connectKukai(ctx, options);
    if (walletId.startsWith(WALLET_IDS.injectedPrefix)) return connectInjected(walletId, ctx.networks.tezos);
    if (walletId === WALLET_IDS.demo && ctx.demoWallets) return (await import('./demo-wallet')).connectDemoWallet();
    throw new WalletError('no_wallet', 'Unknown Tezos wallet.');
  },
});

export default createTezosConnector;
