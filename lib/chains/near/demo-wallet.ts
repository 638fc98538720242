/**
 * Browser demo wallet: a real ed25519 key made with crypto.getRandomValues, kept in localStorage, signing as the
 * IMPLICIT account hex(public key) through near-kit's KeyPair.signNep413Message — the same NEP-413 serialisation
 * (tag 2^31+413, Borsh payload, SHA-256) the verifier checks. The server treats it like any other wallet.
 */
import { WalletError, demoWalletStorageKey, type ConnectedWallet, type WalletOption } from '../types';
import { toHex } from './keys';
import { decodeSigningParams } from './nep413';

export const DEMO_WALLET: WalletOption = { id: 'demo', kind: 'demo', name: 'Demo wallet' };

const STORAGE_KEY = demoWalletStorageKey('near');

/** `ed25519:<base58 of seed ‖ public key>`, near-kit's secret key format; made afresh if missing or damaged. */
async function loadOrCreateSecret(): Promise<string> {
  const [{ ed25519 }, { base58 }] = await Promise.all([import('@noble/curves/ed25519.js'), import('@scure/base')]);
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored?.startsWith('ed25519:')) {
    try {
      const bytes = base58.decode(stored.slice('ed25519:'.length));
      if (bytes.length === 64 && toHex(ed25519.getPublicKey(bytes.slice(0, 32))) === toHex(bytes.slice(32))) return stored;
    } catch {
      /* damaged: replaced below */
    }
  }
  const seed = crypto.getRandomValues(new Uint8Array(32));
  const secret = new Uint8Array(64);
  secret.set(seed, 0);
  secret.set(ed25519.getPublicKey(seed), 32);
  const encoded = `ed25519:${base58.encode(secret)}`;
  localStorage.setItem(STORAGE_KEY, encoded);
  return encoded;
}

export async function connectDemoWallet(): Promise<ConnectedWallet> {
  const { parseKey } = await import('near-kit');
  const keyPair = parseKey(await loadOrCreateSecret());
  const signNep413 = keyPair.signNep413Message?.bind(keyPair); // optional on near-kit's KeyPair type
  if (!signNep413) throw new WalletError('unsupported', 'This key type cannot sign NEP-413 messages.');
  const address = toHex(keyPair.publicKey.data);
  return {
    walletId: DEMO_WALLET.id,
    address,
    async sign(request) {
      let params;
      try {
        params = decodeSigningParams(request.message, request.signing);
      } catch (e) {
        throw new WalletError('failed', `The server's signing parameters are unusable (${(e as Error).message}).`);
      }
      const signed = signNep413(address, params);
      return { signature: signed.signature, publicKey: signed.publicKey };
    },
    disconnect: async () => undefined,
  };
}
