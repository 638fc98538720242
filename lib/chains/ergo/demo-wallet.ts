/**
 * The Ergo demo wallet: a real secp256k1 key generated in the browser (localStorage), signing with Fleet SDK
 * exactly as Nautilus's sign_data does: `ErgoMessage.fromData(message)` (network byte left at its mainnet
 * default, as Nautilus leaves it), then a Schnorr proof over `serialize().toBytes()`. Fleet is ~49 KB gzip versus
 * ~970 KB for ergo-lib-wasm-browser, and its proofs verify with ergo-lib-wasm-nodejs (verifier tests prove it).
 */
import type { ConnectedWallet, ChainNetworks } from '../types';
import { demoWalletStorageKey, WalletError } from '../types';
import { P2PK_PROOF_LENGTH } from './constants';

const MAX_ATTEMPTS = 8;

export interface ErgoDemoKey {
  address: string;
  /** A sign_data proof (hex), Nautilus's ErgoMessage layout. */
  signData(message: string): string;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));

/** Builds the demo key from a 32-byte secret (Node tests and the e2e fixture call this too). */
export async function createDemoKey(secret: Uint8Array, network: ChainNetworks['ergo']): Promise<ErgoDemoKey> {
  const [{ ErgoHDKey, generateProof }, { ErgoMessage, Network }] = await Promise.all([import('@fleet-sdk/wallet'), import('@fleet-sdk/core')]);
  const key = new ErgoHDKey({ privateKey: secret });
  return {
    address: key.address.encode(network === 'mainnet' ? Network.Mainnet : Network.Testnet),
    signData(message) {
      const bytes = ErgoMessage.fromData(message).serialize().toBytes();
      // Fleet drops leading zero bytes of z now and then; Nautilus (sigma-rust) always writes 56 bytes.
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const proof = generateProof(bytes, key);
        if (proof.length === P2PK_PROOF_LENGTH) return toHex(proof);
      }
      throw new WalletError('failed', 'The demo wallet could not make a proof — try again.');
    },
  };
}

/** A fresh valid secret: 32 random bytes, retried in the (negligible) case it is not a valid scalar. */
async function newSecret(network: ChainNetworks['ergo']): Promise<Uint8Array> {
  for (;;) {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    try {
      await createDemoKey(secret, network);
      return secret;
    } catch {
      // out of range for secp256k1: draw again
    }
  }
}

async function loadSecret(network: ChainNetworks['ergo']): Promise<Uint8Array> {
  const storageKey = demoWalletStorageKey('ergo');
  const stored = localStorage.getItem(storageKey);
  if (stored && /^[0-9a-f]{64}$/.test(stored)) return fromHex(stored);
  const secret = await newSecret(network);
  localStorage.setItem(storageKey, toHex(secret));
  return secret;
}

export async function connectDemoWallet(network: ChainNetworks['ergo']): Promise<ConnectedWallet> {
  const key = await createDemoKey(await loadSecret(network), network);
  return {
    walletId: 'demo',
    address: key.address,
    sign: async ({ message }) => ({ signature: key.signData(message), extras: { form: 'sign_data' } }),
  };
}
