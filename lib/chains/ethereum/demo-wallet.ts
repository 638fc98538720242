/** Ethereum demo wallet: a real secp256k1 key generated in the browser, signing exactly as personal_sign does. */
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { isHex, type Hex } from 'viem';
import { demoWalletStorageKey, type ConnectedWallet } from '../types';

export function loadDemoKey(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): Hex {
  const key = demoWalletStorageKey('ethereum');
  const stored = storage.getItem(key);
  if (stored && isHex(stored) && stored.length === 66) return stored;
  const fresh = generatePrivateKey();
  storage.setItem(key, fresh);
  return fresh;
}

export function demoWallet(privateKey: Hex = loadDemoKey()): ConnectedWallet {
  const account = privateKeyToAccount(privateKey);
  return {
    walletId: 'demo',
    address: account.address,
    // EIP-191 personal_sign of the UTF-8 text: the same bytes MetaMask signs.
    sign: async ({ message }) => ({ signature: await account.signMessage({ message }) }),
  };
}
