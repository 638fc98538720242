/**
 * Browser: the NEAR Connect (@hot-labs/near-connect) instance behind the connector, loaded on demand.
 *
 * Wallets come from two places: the NEAR Connect manifest (sandboxed wallets — HOT, Meteor, Intear, MyNearWallet,
 * Ledger, OKX, Nightly, NEAR Mobile — fetched from GitHub/jsDelivr at run time) and injected wallets (extensions,
 * in-app browsers) that answer the library's documented `near-selector-ready` event with a `near-wallet-injected`
 * CustomEvent. We fetch the manifest ourselves with a timeout: the library's own fetch has none, and every call
 * (connect, wallet, signMessage) waits for it, so an unreachable CDN would hang the UI instead of saying so.
 */
import type { NearConnector, NearWalletBase, WalletManifest } from '@hot-labs/near-connect';
import type { NearNetwork } from './account-id';

/** The URLs near-connect itself uses (build/NearConnector.js `defaultManifests`). */
const MANIFEST_URLS = [
  'https://raw.githubusercontent.com/hot-dao/near-selector/refs/heads/main/repository/manifest.json',
  'https://cdn.jsdelivr.net/gh/azbang/hot-connector/repository/manifest.json',
];
const MANIFEST_TIMEOUT_MS = 4000;

export interface KnownWallet {
  id: string;
  name: string;
  installUrl: string;
  testnet: boolean;
}

/** Shown with an install link when NEAR Connect could not offer them (manifest unreachable, or filtered out). */
export const KNOWN_WALLETS: KnownWallet[] = [
  { id: 'meteor-wallet', name: 'Meteor Wallet', installUrl: 'https://meteorwallet.app/', testnet: true },
  { id: 'hot-wallet', name: 'HOT Wallet', installUrl: 'https://hot-labs.org/wallet', testnet: false },
  { id: 'mynearwallet', name: 'MyNearWallet', installUrl: 'https://mynearwallet.com', testnet: false },
  { id: 'intear-wallet', name: 'Intear Wallet', installUrl: 'https://wallet.intear.tech', testnet: true },
];

/**
 * Wallets whose NEAR Connect executor makes them sign the callbackUrl we pass (or one of their own choosing if we
 * pass none). Only for these does the connector pass one, and tell the server it was signed; every other wallet is
 * asked without one, so its payload has None. Read from each executor (hot-dao/near-selector `near-wallets/src/`,
 * Intear's own `near-selector.js`):
 * - mynearwallet (`mnw.ts`): sends `callbackUrl || window.selector.location`; the wallet always signs it. Listed.
 * - intear-wallet: the adapter passes only message/nonce/recipient, so `callback_url` is null. Not listed.
 * - meteor-wallet (`meteor.ts`), nightly-wallet (`nightly/index.ts`): drop callbackUrl. Not listed.
 * - hot-wallet (`hotwallet/index.ts`), okx-wallet (`okx.ts`), near-mobile (`near-mobile/index.ts`): forward the whole
 *   request to an app whose code we cannot read; it would be a guess, so we pass none (HOT is known to sign none).
 */
const SIGNS_CALLBACK_URL = new Set(['mynearwallet']);

export const signsCallbackUrl = (walletId: string): boolean => SIGNS_CALLBACK_URL.has(walletId);

type Manifest = { wallets: WalletManifest[]; version: string };
const EMPTY_MANIFEST: Manifest = { wallets: [], version: '1.0.0' };

async function fetchManifest(url: string, signal: AbortSignal): Promise<Manifest | null> {
  try {
    const res = await fetch(url, { signal });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<Manifest>;
    if (!Array.isArray(body.wallets) || typeof body.version !== 'string') return null;
    return { wallets: body.wallets.filter((w) => typeof w?.id === 'string' && typeof w?.name === 'string'), version: body.version };
  } catch {
    return null;
  }
}

/** The remote wallet manifest, or an empty one when it cannot be fetched in time (injected wallets still work). */
export async function loadManifest(timeoutMs = MANIFEST_TIMEOUT_MS): Promise<Manifest> {
  const signal = AbortSignal.timeout(timeoutMs);
  for (const url of MANIFEST_URLS) {
    const manifest = await fetchManifest(url, signal);
    if (manifest) return manifest;
  }
  return EMPTY_MANIFEST;
}

export interface NearConnect {
  connector: NearConnector;
  /** True for wallets announced through `near-wallet-injected` (extensions, in-app browsers, the e2e fake wallet). */
  isInjected(wallet: NearWalletBase): boolean;
}

const instances = new Map<NearNetwork, Promise<NearConnect>>();

/** One NearConnector per network for the page's lifetime (it registers window listeners when created). */
export function nearConnectorFor(network: NearNetwork): Promise<NearConnect> {
  let instance = instances.get(network);
  if (!instance) {
    instance = (async () => {
      const [{ NearConnector, InjectedWallet }, manifest] = await Promise.all([import('@hot-labs/near-connect'), loadManifest()]);
      const connector = new NearConnector({ network, manifest, features: { signMessage: true }, autoConnect: false, footerBranding: null });
      await connector.whenManifestLoaded;
      return { connector, isInjected: (wallet: NearWalletBase) => wallet instanceof InjectedWallet };
    })();
    instance.catch(() => instances.delete(network));
    instances.set(network, instance);
  }
  return instance;
}
