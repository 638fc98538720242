import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { WalletError, type ConnectorContext } from '../types';
import createTezosConnector from './connector';
import type { TezosInjectedProvider } from './injected';
import { testKey, type TestKey } from './test-keys';
import { toWalletError } from './wallet-errors';

const CTX: ConnectorContext = { networks: RP.networks, appName: 'walletgate', origin: RP.origin, demoWallets: true };

let key: TestKey;
beforeAll(async () => {
  key = await testKey('secp256k1');
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'tezos');
});

function inject(overrides: Partial<TezosInjectedProvider> = {}) {
  const provider: TezosInjectedProvider = {
    id: 'com.example.wallet',
    name: 'Example',
    getActiveAccount: async () => ({ address: key.address, publicKey: key.publicKey, network: 'mainnet' }),
    requestSignPayload: async ({ payload }) => ({ signature: await key.sign(payload) }),
    ...overrides,
  };
  Object.defineProperty(globalThis, 'tezos', { value: provider, configurable: true });
}

describe('tezos connector', () => {
  it('lists injected providers, Beacon, Kukai and the demo wallet (only when enabled)', async () => {
    inject();
    expect((await createTezosConnector(CTX).listWallets()).map((w) => w.id)).toEqual(['injected:com.example.wallet', 'beacon', 'kukai', 'demo']);
    expect((await createTezosConnector({ ...CTX, demoWallets: false }).listWallets()).map((w) => w.id)).toEqual(['injected:com.example.wallet', 'beacon', 'kukai']);
    await expect(createTezosConnector({ ...CTX, demoWallets: false }).connect('demo')).rejects.toMatchObject({ code: 'no_wallet' });
  });

  it('signs through an injected provider with the fields the verifier reads', async () => {
    inject();
    const wallet = await createTezosConnector(CTX).connect('injected:com.example.wallet');
    const req = signInRequest('tezos', wallet.address);
    const signed = await wallet.sign(req);
    const body = { chain: 'tezos', address: wallet.address, message: req.message, ...signed, ...signed.extras };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
  });

  it('turns a user rejection into WalletError("rejected")', async () => {
    inject({ requestSignPayload: async () => Promise.reject(Object.assign(new Error('declined'), { errorType: 'ABORTED_ERROR' })) });
    const wallet = await createTezosConnector(CTX).connect('injected:com.example.wallet');
    await expect(wallet.sign(signInRequest('tezos', wallet.address))).rejects.toMatchObject({ name: 'WalletError', code: 'rejected' });
  });

  it('refuses a wallet on another network, a KT1 account and a missing wallet', async () => {
    inject({ getActiveAccount: async () => ({ address: key.address, publicKey: key.publicKey, network: 'ghostnet' }) });
    await expect(createTezosConnector(CTX).connect('injected:com.example.wallet')).rejects.toMatchObject({ code: 'wrong_network' });
    inject({ getActiveAccount: async () => ({ address: 'KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn', publicKey: key.publicKey }) });
    await expect(createTezosConnector(CTX).connect('injected:com.example.wallet')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(createTezosConnector(CTX).connect('injected:nope')).rejects.toMatchObject({ code: 'no_wallet' });
  });

  it("reads Beacon's thrown errors", () => {
    const aborted = { name: 'UnknownBeaconError', message: '[ABORTED_ERROR]:The action was aborted by the user.' };
    expect(toWalletError(aborted, 'sign')).toMatchObject({ code: 'rejected' });
    expect(toWalletError({ message: '[NOT_GRANTED_ERROR]:no' }, 'connect')).toMatchObject({ code: 'rejected' });
    expect(toWalletError({ message: '[NETWORK_NOT_SUPPORTED]:x' }, 'connect')).toMatchObject({ code: 'wrong_network' });
    expect(toWalletError(new Error('boom'), 'connect')).toMatchObject({ code: 'failed', message: 'The wallet could not connect: boom' });
    expect(toWalletError(new WalletError('no_account', 'x'), 'connect')).toMatchObject({ code: 'no_account' });
  });
});
