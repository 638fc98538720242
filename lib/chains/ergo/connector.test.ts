import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { WalletError, type ConnectorContext } from '../types';
import createErgoConnector from './connector';
import { utf8 } from './layouts';
import { newTestKey } from './test-keys';

const ctx: ConnectorContext = { networks: RP.networks, appName: 'walletgate', origin: RP.origin, demoWallets: true };
const key = newTestKey();

/** A fake EIP-12 wallet at the window boundary, signing for real (raw layout, as older Nautilus did). */
function installWallet(opts: { reject?: boolean; address?: string; withSignData?: boolean; granted?: boolean } = {}) {
  const address = opts.address ?? key.mainnet;
  const ergo: Record<string, unknown> = {
    get_change_address: async () => address,
    get_used_addresses: async () => [address],
    auth: async (_a: string, message: string) => {
      if (opts.reject) throw { code: 2, info: 'User rejected' };
      const signedMessage = `${message};walletgate.test;${Math.floor(Date.now() / 1000)};${'cd'.repeat(32)}`;
      return { signedMessage, proof: key.sign(utf8(signedMessage)) };
    },
  };
  if (opts.withSignData !== false)
    ergo.sign_data = async (_a: string, message: string) => {
      if (opts.reject) throw { code: -3, info: 'User rejected.' };
      return key.sign(utf8(message));
    };
  const win = { ergoConnector: { nautilus: { connect: async () => opts.granted ?? true, isConnected: async () => true } }, ergo };
  vi.stubGlobal('window', win);
}

afterEach(() => vi.unstubAllGlobals());

async function signInWith(walletId = 'nautilus', now = new Date()) {
  const wallet = await createErgoConnector(ctx).connect(walletId);
  const req = signInRequest('ergo', wallet.address, { now });
  const signed = await wallet.sign({ message: req.message, signing: req.signing });
  const body = { chain: 'ergo', address: wallet.address, message: req.message, signature: signed.signature, ...signed.extras };
  return { signed, result: await verifySignIn(body, expectAt(undefined, RP, now)) };
}

describe('ergo connector (EIP-12)', () => {
  it('lists found wallets, Nautilus with an install link when missing, and the demo wallet', async () => {
    vi.stubGlobal('window', {});
    expect(await createErgoConnector(ctx).listWallets()).toEqual([
      { id: 'nautilus', name: 'Nautilus', kind: 'injected', installUrl: expect.stringContaining('nautilus') },
      { id: 'ergoauth', name: 'Ergo mobile wallet (ErgoAuth)', kind: 'remote', needsAddress: expect.objectContaining({ placeholder: '9…' }) },
      { id: 'demo', kind: 'demo', name: 'Demo wallet' },
    ]);
    installWallet();
    const found = await createErgoConnector({ ...ctx, demoWallets: false }).listWallets();
    expect(found.map((w) => w.id)).toEqual(['nautilus', 'ergoauth']);
  });

  it('offers ErgoAuth only where phone wallets can reach the app (https; http on localhost or an IP)', async () => {
    vi.stubGlobal('window', {});
    const ids = async (origin: string) => (await createErgoConnector({ ...ctx, origin }).listWallets()).map((w) => w.id);
    expect(await ids('http://walletgate.test')).not.toContain('ergoauth');
    expect(await ids('http://localhost:3000')).toContain('ergoauth');
    expect(await ids('https://walletgate.test')).toContain('ergoauth');
  });

  it('ErgoAuth: needs a typed address of the configured network before anything is asked of the server', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => 'none', (e) => (e instanceof WalletError ? e.code : String(e)));
    const options = (address?: string) => ({ signal: new AbortController().signal, present: () => undefined, address });
    expect(await codeOf(createErgoConnector(ctx).connect('ergoauth', options()))).toBe('no_account');
    expect(await codeOf(createErgoConnector(ctx).connect('ergoauth', options(key.testnet)))).toBe('wrong_network');
    expect((await createErgoConnector(ctx).connect('ergoauth', options(` ${key.mainnet} `))).address).toBe(key.mainnet);
  });

  it('connects, reads the change address and signs with sign_data', async () => {
    installWallet();
    const { signed, result } = await signInWith();
    expect(signed.extras).toEqual({ form: 'sign_data' });
    expect(result).toMatchObject({ ok: true, account: { address: key.mainnet } });
  });

  it('falls back to EIP-28 auth for a wallet without sign_data', async () => {
    installWallet({ withSignData: false });
    const { signed, result } = await signInWith('nautilus', new Date(Math.floor(Date.now() / 1000) * 1000));
    expect(signed.extras).toMatchObject({ form: 'auth', signedMessage: expect.stringContaining(';walletgate.test;') });
    expect(result).toMatchObject({ ok: true });
  });

  it('maps user rejection, refusal, missing wallet and wrong network to WalletErrors', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => 'none', (e) => (e instanceof WalletError ? e.code : String(e)));
    installWallet({ reject: true });
    expect(await codeOf(signInWith())).toBe('rejected');
    installWallet({ reject: true, withSignData: false });
    expect(await codeOf(signInWith())).toBe('rejected');
    installWallet({ granted: false });
    expect(await codeOf(createErgoConnector(ctx).connect('nautilus'))).toBe('rejected');
    installWallet({ address: key.testnet });
    expect(await codeOf(createErgoConnector(ctx).connect('nautilus'))).toBe('wrong_network');
    vi.stubGlobal('window', {});
    expect(await codeOf(createErgoConnector(ctx).connect('nautilus'))).toBe('no_wallet');
  });
});
