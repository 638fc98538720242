/**
 * Test-only helpers (imported by *.test.ts, never by the app): real keys and real signatures.
 * `meshWallet` is Mesh's headless wallet (BIP32-Ed25519 from a fresh mnemonic, offline: no fetcher);
 * `rawKey` + `craftDataSignature` build COSE_Sign1 by hand for the edge cases no honest wallet writes.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { addressFromBytes, keyHash, networkIdOf, parseAddress, rewardAddressOf, type CardanoNetwork } from './address';
import { encodeCbor, type CborKey, type CborValue } from './cbor';
import { sigStructure, writeDataSignature } from './cose';

export async function meshWallet(network: CardanoNetwork = 'mainnet') {
  const { MeshWallet } = await import('@meshsdk/core');
  const wallet = new MeshWallet({ networkId: network === 'mainnet' ? 1 : 0, key: { type: 'mnemonic', words: MeshWallet.brew() as string[] } });
  await wallet.init();
  const stake = (await wallet.getRewardAddresses())[0];
  const base = await wallet.getChangeAddress();
  const enterprise = wallet.getAddresses().enterpriseAddressBech32 as string;
  /** CIP-30 style: `payloadHex` is the hex of the bytes to sign. */
  const signData = (address: string, payloadHex: string) => wallet.signData(payloadHex, address);
  return { wallet, stake, base, enterprise, signData };
}

export function rawKey(network: CardanoNetwork = 'mainnet') {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, reward: rewardAddressOf(publicKey, network), sign: (m: Uint8Array) => ed25519.sign(m, secretKey) };
}

/** A base address (type 0) from a payment key and a stake key. */
export function baseAddressOf(paymentKey: Uint8Array, stakeKey: Uint8Array, network: CardanoNetwork = 'mainnet') {
  const bytes = new Uint8Array(57);
  bytes[0] = networkIdOf(network);
  bytes.set(keyHash(paymentKey), 1);
  bytes.set(keyHash(stakeKey), 29);
  return addressFromBytes(bytes);
}

export const hex = bytesToHex;
export const textHex = (text: string) => bytesToHex(utf8ToBytes(text));

/** The CIP-30 writer (demo wallet's code path) as hex, for `key` signing `payload` on behalf of `address`. */
export async function cip30Sign(key: ReturnType<typeof rawKey>, address: Uint8Array, payload: Uint8Array) {
  const ds = await writeDataSignature(payload, address, key.publicKey, key.sign);
  return { signature: hex(ds.signature), publicKey: hex(ds.key) };
}

export interface CraftOptions {
  protectedHeader?: Map<CborKey, CborValue>;
  unprotectedHeader?: Map<CborKey, CborValue>;
  payload: Uint8Array;
  /** Signs these bytes instead of the real Sig_structure (a signature over something else). */
  signOver?: Uint8Array;
  tag?: boolean;
}

export function craftDataSignature(key: ReturnType<typeof rawKey>, address: Uint8Array, o: CraftOptions) {
  const protectedBytes = encodeCbor(o.protectedHeader ?? new Map<CborKey, CborValue>([[1, -8], ['address', address]]));
  const signature = key.sign(o.signOver ?? sigStructure(protectedBytes, o.payload));
  const sign1: CborValue = [protectedBytes, o.unprotectedHeader ?? new Map([['hashed', false]]), o.payload, signature];
  const coseKey = new Map<CborKey, CborValue>([[1, 1], [3, -8], [-1, 6], [-2, key.publicKey]]);
  return { signature: hex(encodeCbor(o.tag ? { tag: 18, value: sign1 } : sign1)), publicKey: hex(encodeCbor(coseKey)) };
}

/** A CIP-30 wallet's answers backed by a Mesh headless wallet: addresses in hex (as wallets return them). */
export async function meshCip30Backend(network: CardanoNetwork = 'mainnet') {
  const mesh = await meshWallet(network);
  const toHex = (bech32: string) => hex(parseAddress(bech32).bytes);
  return {
    mesh,
    networkId: networkIdOf(network),
    rewardAddresses: [toHex(mesh.stake)],
    usedAddresses: [toHex(mesh.base)],
    changeAddress: toHex(mesh.base),
    /** CIP-30 signData: `address` in hex or bech32, `payload` hex. */
    signData: (address: string, payload: string) => mesh.signData(parseAddress(address).bech32, payload),
  };
}
