/**
 * The connector and callbackUrl: MyNearWallet is handed the current page on our origin and the client forwards
 * exactly that; wallets that do not sign one are asked without it. Wallet doubles follow each wallet's NEAR Connect
 * executor (MyNearWallet: hot-dao/near-selector `near-wallets/src/mnw.ts`; Intear: INTEARnear/wallet
 * `near-selector.js`; see testing/wallet-signers.ts), announced through NEAR Connect's injected-wallet events.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';
import type { ConnectorContext } from '../types';
import createNearConnector from './connector';
import { intearPayloadJson, intearSignMessage, mnwSignMessage, newTestKey } from './testing/wallet-signers';

const PAGE = { pathname: '/sign-in', href: 'https://walletgate.test/sign-in?next=%2Fmembers' };
const key = newTestKey();
type Params = { message: string; recipient: string; nonce: Uint8Array; callbackUrl?: string };
const asked: Record<string, Params[]> = {};

function injected(id: string, sign: (p: Params) => unknown) {
  return {
    manifest: { id, name: id, icon: 'data:image/svg+xml,<svg/>', type: 'injected', features: { signMessage: true, testnet: true }, permissions: {} },
    signIn: async () => [{ accountId: key.accountId, publicKey: key.publicKey }],
    getAccounts: async () => [{ accountId: key.accountId, publicKey: key.publicKey }],
    signOut: async () => undefined,
    signMessage: async (p: Params) => ((asked[id] ??= []).push(p), sign(p)),
  };
}

const wallets = [
  // mnw.ts: `const url = callbackUrl || window.selector.location`, then the wallet signs it; the answer omits it.
  injected('mynearwallet', (p) => mnwSignMessage(key, p, PAGE.href)),
  // Intear's near-selector.js adapter: signMessage({network, message, nonce, recipient}) — callbackUrl never reaches the wallet.
  injected('intear-wallet', (p) => intearSignMessage(key, intearPayloadJson({ message: p.message, nonce: p.nonce, recipient: p.recipient }))),
];

const ctx: ConnectorContext = {
  networks: { ethereum: 1, cardano: 'mainnet', near: 'mainnet', tezos: 'mainnet', ergo: 'mainnet' },
  appName: 'walletgate',
  origin: 'https://walletgate.test',
  demoWallets: false,
};

beforeAll(() => {
  const win = Object.assign(new EventTarget(), { parent: { postMessage: () => undefined } });
  win.addEventListener('near-selector-ready', () => wallets.forEach((w) => win.dispatchEvent(new CustomEvent('near-wallet-injected', { detail: w }))));
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', PAGE);
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) });
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('network is unreachable');
  });
});
afterAll(() => vi.unstubAllGlobals());

async function signWith(walletId: string) {
  const wallet = await createNearConnector(ctx).connect(walletId);
  const req = signInRequest('near', wallet.address);
  const signed = await wallet.sign({ message: req.message, signing: req.signing });
  const body: Record<string, unknown> = { ...signed.extras, chain: 'near', address: wallet.address, message: req.message, signature: signed.signature, publicKey: signed.publicKey };
  return { signed, body };
}

describe('near connector: callbackUrl', () => {
  it('MyNearWallet: passes the current page on APP_URL (not the query) and forwards it; the verifier accepts it', async () => {
    const { signed, body } = await signWith('mynearwallet');
    expect(asked.mynearwallet?.at(-1)?.callbackUrl).toBe('https://walletgate.test/sign-in');
    expect(signed.extras).toEqual({ callbackUrl: 'https://walletgate.test/sign-in' });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
    const { callbackUrl: _dropped, ...without } = body;
    expect(await verifySignIn(without, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('Intear through NEAR Connect: asked without a callbackUrl, forwards none; the verifier accepts it', async () => {
    const { signed, body } = await signWith('intear-wallet');
    expect(asked['intear-wallet']?.at(-1)).not.toHaveProperty('callbackUrl');
    expect(signed.extras).toBeUndefined();
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
    expect(await verifySignIn({ ...body, callbackUrl: 'https://walletgate.test/sign-in' }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});
