/**
 * The browser connector in Node with a minimal window: a wallet injected through NEAR Connect's documented
 * `near-selector-ready` / `near-wallet-injected` events, signing with a real key, verified by the real verifier.
 * The remote manifest fetch is refused, as on a machine without internet.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from 'near-kit';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { WalletError, demoWalletStorageKey, type ConnectorContext } from '../types';
import createNearConnector, { toWalletError } from './connector';
import { toHex } from './keys';

const key = generateKey();
const accountId = toHex(key.publicKey.data);
let rejectNext = false;

const fakeWallet = {
  manifest: { id: 'test-injected', name: 'Test Wallet', icon: 'data:image/svg+xml,<svg/>', type: 'injected', features: { signMessage: true, testnet: true }, permissions: {} },
  signIn: async () => [{ accountId, publicKey: key.publicKey.toString() }],
  getAccounts: async () => [{ accountId, publicKey: key.publicKey.toString() }],
  signOut: async () => undefined,
  signMessage: async (p: { message: string; recipient: string; nonce: Uint8Array }) => {
    if (rejectNext) throw new Error('User rejected the request');
    return key.signNep413Message!(accountId, p);
  },
};

const ctx: ConnectorContext = {
  networks: { ethereum: 1, cardano: 'mainnet', near: 'mainnet', tezos: 'mainnet', ergo: 'mainnet' },
  appName: 'walletgate',
  origin: 'https://walletgate.test',
  demoWallets: true,
};

beforeAll(() => {
  const store = new Map<string, string>();
  const win = Object.assign(new EventTarget(), { parent: { postMessage: () => undefined } });
  win.addEventListener('near-selector-ready', () => win.dispatchEvent(new CustomEvent('near-wallet-injected', { detail: fakeWallet })));
  vi.stubGlobal('window', win);
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('network is unreachable');
  });
});
afterAll(() => vi.unstubAllGlobals());

describe('near connector', () => {
  it('lists the injected wallet, the known wallets with install links, and the demo wallet', async () => {
    const wallets = await createNearConnector(ctx).listWallets();
    expect(wallets[0]).toEqual({ id: 'test-injected', name: 'Test Wallet', kind: 'injected', icon: 'data:image/svg+xml,<svg/>' });
    expect(wallets.filter((w) => w.installUrl).map((w) => w.name)).toEqual(['Meteor Wallet', 'HOT Wallet', 'MyNearWallet', 'Intear Wallet']);
    expect(wallets.at(-1)).toEqual({ id: 'demo', kind: 'demo', name: 'Demo wallet' });
    const testnet = await createNearConnector({ ...ctx, networks: { ...ctx.networks, near: 'testnet' }, demoWallets: false }).listWallets();
    expect(testnet.map((w) => w.name)).toEqual(['Test Wallet', 'Meteor Wallet', 'Intear Wallet']);
  });

  it('signs through the NEAR Connect wallet with the server signing params (no callbackUrl for an unknown wallet); the verifier accepts it', async () => {
    const wallet = await createNearConnector(ctx).connect('test-injected');
    expect(wallet.address).toBe(accountId);
    const req = signInRequest('near', wallet.address);
    const signed = await wallet.sign({ message: req.message, signing: req.signing });
    const r = await verifySignIn({ chain: 'near', address: wallet.address, message: req.message, ...signed }, expectAt());
    expect(r).toMatchObject({ ok: true });
  });

  it('turns a user rejection into WalletError rejected, and a missing wallet into no_wallet', async () => {
    const wallet = await createNearConnector(ctx).connect('test-injected');
    const req = signInRequest('near', wallet.address);
    rejectNext = true;
    await expect(wallet.sign({ message: req.message, signing: req.signing })).rejects.toMatchObject({ name: 'WalletError', code: 'rejected' });
    rejectNext = false;
    await expect(createNearConnector(ctx).connect('meteor-wallet')).rejects.toMatchObject({ code: 'no_wallet' });
  });

  it('refuses unusable signing params without asking the wallet', async () => {
    const wallet = await createNearConnector(ctx).connect('test-injected');
    await expect(wallet.sign({ message: 'x', signing: { recipient: 'a', nonce: 'AAAA' } })).rejects.toMatchObject({ code: 'failed' });
  });

  it('demo wallet: a persistent real key signing as its implicit account, accepted by the verifier', async () => {
    const connector = createNearConnector(ctx);
    const demo = await connector.connect('demo');
    expect(demo.address).toMatch(/^[0-9a-f]{64}$/);
    expect(localStorage.getItem(demoWalletStorageKey('near'))).toMatch(/^ed25519:/);
    expect((await connector.connect('demo')).address).toBe(demo.address);
    const req = signInRequest('near', demo.address);
    const signed = await demo.sign({ message: req.message, signing: req.signing });
    expect(await verifySignIn({ chain: 'near', address: demo.address, message: req.message, ...signed }, expectAt())).toMatchObject({ ok: true });
    localStorage.setItem(demoWalletStorageKey('near'), 'ed25519:garbage');
    expect((await connector.connect('demo')).address).not.toBe(demo.address);
    await expect(createNearConnector({ ...ctx, demoWallets: false }).connect('demo')).rejects.toMatchObject({ code: 'no_wallet' });
  });

  it('maps wallet errors to codes', () => {
    expect(toWalletError(new Error('User cancelled'))).toMatchObject({ code: 'rejected' });
    expect(toWalletError(new Error('Wallet not found'))).toMatchObject({ code: 'no_wallet' });
    expect(toWalletError('boom')).toMatchObject({ code: 'failed' });
    const same = new WalletError('no_account', 'x');
    expect(toWalletError(same)).toBe(same);
  });
});
