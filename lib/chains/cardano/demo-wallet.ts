/**
 * Cardano demo wallet: a real Ed25519 key generated in the browser (crypto.getRandomValues through @noble), kept in
 * localStorage; identity = its reward (stake…) address. It answers signData with the same COSE_Sign1 / COSE_Key bytes
 * a CIP-30 wallet returns (cose.ts writeDataSignature), so the server verifies it on the normal path.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { demoWalletStorageKey, type ConnectedWallet } from '../types';
import { rewardAddressOf, type CardanoNetwork } from './address';
import { writeDataSignature } from './cose';
import { payloadBytes } from './payload';

type KeyStore = Pick<Storage, 'getItem' | 'setItem'>;

export function loadDemoSecret(storage: KeyStore = localStorage): Uint8Array {
  const key = demoWalletStorageKey('cardano');
  const stored = storage.getItem(key);
  if (stored && /^[0-9a-f]{64}$/.test(stored)) return hexToBytes(stored);
  const fresh = ed25519.utils.randomSecretKey();
  storage.setItem(key, bytesToHex(fresh));
  return fresh;
}

export function demoWallet(network: CardanoNetwork, secret: Uint8Array = loadDemoSecret()): ConnectedWallet {
  const publicKey = ed25519.getPublicKey(secret);
  const address = rewardAddressOf(publicKey, network);
  return {
    walletId: 'demo',
    address: address.bech32,
    async sign({ message, signing }) {
      const ds = await writeDataSignature(payloadBytes(message, signing), address.bytes, publicKey, (m) => ed25519.sign(m, secret));
      return { signature: bytesToHex(ds.signature), publicKey: bytesToHex(ds.key) };
    },
  };
}
