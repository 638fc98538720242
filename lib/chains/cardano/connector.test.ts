/** The connector against fake CIP-30 wallets at globalThis.cardano (backed by a real Mesh key) and the demo wallet. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { demoWalletStorageKey, type ConnectorContext, type ConnectedWallet } from '../types';
import createCardanoConnector from './connector';
import { meshCip30Backend } from './test-keys';

const ctx: ConnectorContext = { networks: RP.networks, appName: 'walletgate', origin: RP.origin, demoWallets: true };
let backend: Awaited<ReturnType<typeof meshCip30Backend>>;
const g = globalThis as { cardano?: Record<string, unknown>; localStorage?: Pick<Storage, 'getItem' | 'setItem'> };

function fakeWallet(opts: { reject?: 'enable' | 'sign'; noRewardAddress?: boolean; networkId?: number } = {}) {
  return {
    name: 'Walletgate Test', icon: 'data:image/svg+xml,<svg/>', apiVersion: '0.1.0',
    enable: async () => {
      if (opts.reject === 'enable') throw { code: -3, info: 'user refused' };
      return {
        getNetworkId: async () => opts.networkId ?? backend.networkId,
        getRewardAddresses: async () => (opts.noRewardAddress ? [] : backend.rewardAddresses),
        getUsedAddresses: async () => backend.usedAddresses,
        getChangeAddress: async () => backend.changeAddress,
        signData: async (address: string, payload: string) => {
          if (opts.reject === 'sign') throw { code: 3, info: 'user declined' };
          return backend.signData(address, payload);
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
  backend = await meshCip30Backend();
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

  it('signs in with the stake address (wallet returns hex, we show bech32), and the server accepts it', async () => {
    g.cardano = { walletgate: fakeWallet() };
    const wallet = await createCardanoConnector(ctx).connect('walletgate');
    expect(wallet.address).toBe(backend.mesh.stake);
    expect(await signInWith(wallet)).toMatchObject({ ok: true, account: { address: backend.mesh.stake } });
  });

  it('falls back to the first used (base) address when the wallet has no reward address', async () => {
    g.cardano = { walletgate: fakeWallet({ noRewardAddress: true }) };
    const wallet = await createCardanoConnector(ctx).connect('walletgate');
    expect(wallet.address).toBe(backend.mesh.base);
    expect(await signInWith(wallet)).toMatchObject({ ok: true, account: { address: backend.mesh.base } });
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
