/**
 * The connector against fake CIP-30 wallets at globalThis.cardano whose signData is Lace's and Nami's own code
 * (wallet-signers.ts names the source files), and the demo wallet.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { demoWalletStorageKey, type ConnectorContext, type ConnectedWallet } from '../types';
import createCardanoConnector from './connector';
import { cip30Answers, walletSigner, type WalletSigner, type WalletSignerKind } from './wallet-signers';

const ctx: ConnectorContext = { networks: RP.networks, appName: 'walletgate', origin: RP.origin, demoWallets: true };
let signer: WalletSigner;
let backend: ReturnType<typeof cip30Answers>;
const g = globalThis as { cardano?: Record<string, unknown>; localStorage?: Pick<Storage, 'getItem' | 'setItem'> };

type Answers = ReturnType<typeof cip30Answers>;
function fakeWallet(opts: { reject?: 'enable' | 'sign'; noRewardAddress?: boolean; networkId?: number; answers?: Answers } = {}) {
  const b = opts.answers ?? backend;
  return {
    name: 'Walletgate Test', icon: 'data:image/svg+xml,<svg/>', apiVersion: '0.1.0',
    enable: async () => {
      if (opts.reject === 'enable') throw { code: -3, info: 'user refused' };
      return {
        getNetworkId: async () => opts.networkId ?? b.networkId,
        getRewardAddresses: async () => (opts.noRewardAddress ? [] : b.rewardAddresses),
        getUsedAddresses: async () => b.usedAddresses,
        getChangeAddress: async () => b.changeAddress,
        signData: async (address: string, payload: string) => {
          if (opts.reject === 'sign') throw { code: 3, info: 'user declined' };
          return b.signData(address, payload);
        },
      };
    },
  };
}

async function signInWith(wallet: ConnectedWallet) {
  const req = signInRequest('cardano', wallet.address);
  const signed = await wallet.sign({ message: req.message, signing: req.signing });
  return verifySignIn({ chain: 'cardano', address: wallet.address, message: req.message, ...signed }, expectAt());
}

beforeAll(async () => {
  signer = await walletSigner('lace');
  backend = cip30Answers(signer);
});
afterEach(() => {
  delete g.cardano;
});

describe('cardano connector (CIP-30)', () => {
  it('lists injected wallets once each, or install links when there are none, plus the demo wallet', async () => {
    expect((await createCardanoConnector(ctx).listWallets()).map((w) => [w.id, w.installUrl !== undefined])).toEqual([
      ['eternl', true], ['lace', true], ['yoroi', true], ['typhoncip30', true], ['vespr', true], ['gerowallet', true], ['demo', false]]);
    const wallet = fakeWallet();
    g.cardano = { walletgate: wallet, alias: wallet, notAWallet: { name: 'x' } };
    expect(await createCardanoConnector({ ...ctx, demoWallets: false }).listWallets()).toEqual([
      { id: 'walletgate', name: 'Walletgate Test', icon: wallet.icon, kind: 'injected' }]);
  });

  it.each<WalletSignerKind>(['lace', 'nami'])('%s: signs in with the stake address (wallet returns hex, we show bech32)', async (kind) => {
    const own = await walletSigner(kind);
    g.cardano = { walletgate: fakeWallet({ answers: cip30Answers(own) }) };
    const wallet = await createCardanoConnector(ctx).connect('walletgate');
    expect(wallet.address).toBe(own.stake);
    expect(await signInWith(wallet)).toMatchObject({ ok: true, account: { address: own.stake } });
  });

  it('falls back to the first used (base) address when the wallet has no reward address', async () => {
    g.cardano = { walletgate: fakeWallet({ noRewardAddress: true }) };
    const wallet = await createCardanoConnector(ctx).connect('walletgate');
    expect(wallet.address).toBe(signer.base);
    expect(await signInWith(wallet)).toMatchObject({ ok: true, account: { address: signer.base } });
  });

  it('maps wallet failures to WalletError codes', async () => {
    const connector = createCardanoConnector(ctx);
    await expect(connector.connect('eternl')).rejects.toMatchObject({ code: 'no_wallet' });
    g.cardano = { a: fakeWallet({ reject: 'enable' }), b: fakeWallet({ reject: 'sign' }), c: fakeWallet({ networkId: 0 }) };
    await expect(connector.connect('a')).rejects.toMatchObject({ code: 'rejected' });
    await expect(connector.connect('c')).rejects.toMatchObject({ code: 'wrong_network' });
    const wallet = await connector.connect('b');
    const req = signInRequest('cardano', wallet.address);
    await expect(wallet.sign({ message: req.message, signing: req.signing })).rejects.toMatchObject({ code: 'rejected' });
  });

  it('demo wallet: a stored real key whose DataSignature the server verifies', async () => {
    const store = new Map<string, string>();
    g.localStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) };
    const first = await createCardanoConnector(ctx).connect('demo');
    expect(first.address).toMatch(/^stake1/);
    expect(store.get(demoWalletStorageKey('cardano'))).toMatch(/^[0-9a-f]{64}$/);
    expect((await createCardanoConnector(ctx).connect('demo')).address).toBe(first.address);
    expect(await signInWith(first)).toMatchObject({ ok: true, account: { address: first.address } });
    const preprod = await createCardanoConnector({ ...ctx, networks: { ...ctx.networks, cardano: 'preprod' } }).connect('demo');
    expect(preprod.address).toMatch(/^stake_test1/);
    delete g.localStorage;
  });
});
