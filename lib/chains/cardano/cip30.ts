/**
 * The CIP-30 boundary: wallets injected at `window.cardano.<id>`, their enabled API, and their error codes.
 * No SDK: a CIP-30 wallet already returns the COSE DataSignature the verifier reads.
 */
import { WalletError, type WalletOption } from '../types';

export interface Cip30DataSignature {
  signature: string;
  key: string;
}

export interface Cip30Api {
  getNetworkId(): Promise<number>;
  getRewardAddresses(): Promise<string[]>;
  getUsedAddresses(paginate?: { page: number; limit: number }): Promise<string[]>;
  getChangeAddress(): Promise<string>;
  /** `address`: hex bytes or bech32 (CIP-30 wallets must accept both); `payload`: hex of the bytes to sign. */
  signData(address: string, payload: string): Promise<Cip30DataSignature>;
}

export interface Cip30Wallet {
  name: string;
  icon: string;
  apiVersion: string;
  enable(): Promise<Cip30Api>;
}

/** Shown with an install link when no CIP-30 wallet is found. Keys are the `window.cardano` ids they inject. */
export const KNOWN_CARDANO_WALLETS: WalletOption[] = [
  { id: 'eternl', name: 'Eternl', kind: 'injected', installUrl: 'https://eternl.io/' },
  { id: 'lace', name: 'Lace', kind: 'injected', installUrl: 'https://www.lace.io/' },
  { id: 'yoroi', name: 'Yoroi', kind: 'injected', installUrl: 'https://yoroi-wallet.com/' },
  { id: 'typhoncip30', name: 'Typhon', kind: 'injected', installUrl: 'https://typhonwallet.io/' },
  { id: 'vespr', name: 'VESPR', kind: 'injected', installUrl: 'https://vespr.xyz/' },
  { id: 'gerowallet', name: 'GeroWallet', kind: 'injected', installUrl: 'https://gerowallet.io/' },
];

const isCip30Wallet = (v: unknown): v is Cip30Wallet => {
  const w = v as Partial<Cip30Wallet> | null;
  return typeof w === 'object' && w !== null && typeof w.enable === 'function' && typeof w.name === 'string' && typeof w.apiVersion === 'string';
};

/** The injected wallets, one entry per wallet (some inject the same object under two ids). */
export function injectedWallets(): { id: string; wallet: Cip30Wallet }[] {
  const root = (globalThis as { cardano?: Record<string, unknown> }).cardano;
  if (typeof root !== 'object' || root === null) return [];
  const seen = new Set<unknown>();
  const found: { id: string; wallet: Cip30Wallet }[] = [];
  for (const [id, value] of Object.entries(root)) {
    if (!isCip30Wallet(value) || seen.has(value) || found.some((f) => f.wallet.name === value.name && f.wallet.icon === value.icon)) continue;
    seen.add(value);
    found.push({ id, wallet: value });
  }
  return found;
}

export function injectedWallet(id: string): Cip30Wallet | undefined {
  const value = (globalThis as { cardano?: Record<string, unknown> }).cardano?.[id];
  return isCip30Wallet(value) ? value : undefined;
}

/** CIP-30 APIError (enable and every call) and DataSignError (signData) to words. */
export function cip30Error(e: unknown, during: 'enable' | 'sign'): WalletError {
  const err = (e ?? {}) as { code?: number; info?: string; message?: string };
  const info = err.info ?? err.message ?? 'The wallet reported an error.';
  if (err.code === -3 || (during === 'sign' && err.code === 3)) return new WalletError('rejected', 'Rejected in wallet.');
  if (err.code === -4) return new WalletError('failed', 'The wallet switched account; connect again.');
  if (during === 'sign' && err.code === 2) return new WalletError('unsupported', 'The wallet cannot sign with this address.');
  if (/declin|reject|refus|cancel/i.test(info)) return new WalletError('rejected', 'Rejected in wallet.');
  return new WalletError('failed', info.split('\n')[0]);
}
