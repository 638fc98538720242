/**
 * The Tezos demo wallet: a real key made in this browser and kept in localStorage (demoWalletStorageKey('tezos')),
 * signing the same Micheline payload a Beacon wallet signs. The server has no bypass for it.
 */
import { demoWalletStorageKey, type ConnectedWallet } from '../types';
import type { Curve } from './keys';
import { demoKeyFromSecret, generateDemoKey, type DemoKey } from './demo-keys';
import { payloadToSign, WALLET_IDS } from './sign-request';

function loadOrCreateKey(curve: Curve): DemoKey {
  const storageKey = demoWalletStorageKey('tezos');
  const stored = localStorage.getItem(storageKey);
  const existing = stored ? demoKeyFromSecret(stored) : null;
  if (existing && existing.curve === curve) return existing;
  const key = generateDemoKey(curve);
  localStorage.setItem(storageKey, key.secretKey);
  return key;
}

export function demoWalletFromKey(key: DemoKey): ConnectedWallet {
  return {
    walletId: WALLET_IDS.demo,
    address: key.address,
    async sign(request) {
      const payload = payloadToSign(request);
      return { signature: key.sign(payload), publicKey: key.publicKey, extras: { payload } };
    },
  };
}

/** ed25519 by default; secp256k1 and p256 go through the same code. */
export function connectDemoWallet(curve: Curve = 'ed25519'): ConnectedWallet {
  return demoWalletFromKey(loadOrCreateKey(curve));
}
