/**
 * Shelley addresses (CIP-19) as sign-in identities: reward (stake…), base and enterprise (addr…) with a KEY credential
 * where the signature must come from. Script credentials cannot sign a message; pointer and Byron addresses are refused.
 * Browser-safe (the connector and the demo wallet use it too).
 */
import { bech32 } from '@scure/base';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { fail } from '../../errors';
import type { ChainNetworks } from '../types';

export type CardanoNetwork = ChainNetworks['cardano'];
export type AddressKind = 'base' | 'enterprise' | 'reward';

export interface CardanoAddress {
  kind: AddressKind;
  /** 1 = mainnet, 0 = testnets (preprod, preview). */
  networkId: number;
  bytes: Uint8Array;
  bech32: string;
  /** The key hash the signing key must match: payment credential (base/enterprise) or stake credential (reward). */
  signerKeyHash: Uint8Array;
  /** The stake KEY credential of a base address, when it has one (used to explain a stake-key signature). */
  stakeKeyHash?: Uint8Array;
}

const CREDENTIAL_LENGTH = 28;
const BECH32_LIMIT = 1023;

export const networkIdOf = (network: CardanoNetwork): number => (network === 'mainnet' ? 1 : 0);

/** blake2b-224: the hash Cardano uses for key credentials. */
export const keyHash = (publicKey: Uint8Array): Uint8Array => blake2b(publicKey, { dkLen: CREDENTIAL_LENGTH });

function bech32Prefix(kind: AddressKind, networkId: number): string {
  return `${kind === 'reward' ? 'stake' : 'addr'}${networkId === 1 ? '' : '_test'}`;
}

const credential = (bytes: Uint8Array, at: number) => bytes.slice(at, at + CREDENTIAL_LENGTH);

function classify(type: number): { kind: AddressKind; length: number; stakeIsKey: boolean } {
  switch (type) {
    case 0: return { kind: 'base', length: 57, stakeIsKey: true };
    case 2: return { kind: 'base', length: 57, stakeIsKey: false };
    case 6: return { kind: 'enterprise', length: 29, stakeIsKey: false };
    case 14: return { kind: 'reward', length: 29, stakeIsKey: true };
    case 1: case 3: case 5: case 7: case 15:
      return fail('unsupported_address', 'This is a script address: no single key can sign for it. Use a key-based address.');
    case 4:
      return fail('unsupported_address', 'Pointer addresses are not accepted; use the stake or base address of the wallet.');
    case 8:
      return fail('unsupported_address', 'Byron (legacy) addresses are not accepted; use a Shelley address.');
    default:
      return fail('malformed_input', 'That is not a Cardano address (unknown address type).');
  }
}

/** Reads raw address bytes (CIP-19 header + credentials). Throws malformed_input / unsupported_address. */
export function addressFromBytes(bytes: Uint8Array): CardanoAddress {
  if (bytes.length === 0) fail('malformed_input', 'That is not a Cardano address (empty).');
  const header = bytes[0];
  const networkId = header & 0x0f;
  const { kind, length, stakeIsKey } = classify(header >> 4);
  if (bytes.length !== length) fail('malformed_input', 'That is not a Cardano address (wrong length for its type).');
  const signerKeyHash = credential(bytes, 1);
  const stakeKeyHash = kind === 'base' && stakeIsKey ? credential(bytes, 29) : undefined;
  const text = bech32.encode(bech32Prefix(kind, networkId), bech32.toWords(bytes), BECH32_LIMIT);
  return { kind, networkId, bytes, bech32: text, signerKeyHash, stakeKeyHash };
}

function decodeBech32(text: string): Uint8Array {
  let decoded: { prefix: string; words: number[] };
  try {
    decoded = bech32.decode(text as `${string}1${string}`, BECH32_LIMIT);
  } catch {
    return fail('malformed_input', 'That is not a Cardano address (bad bech32).');
  }
  const bytes = bech32.fromWordsUnsafe(decoded.words);
  if (!bytes) fail('malformed_input', 'That is not a Cardano address (bad bech32 padding).');
  const address = addressFromBytes(bytes);
  if (decoded.prefix !== address.bech32.slice(0, address.bech32.lastIndexOf('1')))
    fail('malformed_input', `The prefix "${decoded.prefix}" does not match this address's type and network.`);
  return bytes;
}

/** Parses a bech32 or hex address (wallets return hex) into its canonical form. Does not check the network. */
export function parseAddress(text: string): CardanoAddress {
  const trimmed = text.trim();
  if (/^([0-9a-fA-F]{2})+$/.test(trimmed)) return addressFromBytes(hexToBytes(trimmed.toLowerCase()));
  return addressFromBytes(decodeBech32(trimmed));
}

/** Parses and checks the address belongs to `network`. Throws malformed_input / unsupported_address / wrong_network. */
export function parseAddressFor(text: string, network: CardanoNetwork): CardanoAddress {
  const address = parseAddress(text);
  if (address.networkId !== networkIdOf(network)) {
    const theirs = address.networkId === 1 ? 'a mainnet' : address.networkId === 0 ? 'a testnet' : `a network ${address.networkId}`;
    fail('wrong_network', `This is ${theirs} address; this app runs on Cardano ${network}.`);
  }
  return address;
}

/** The reward (stake…) address of a stake key; used by the demo wallet, fixtures and tests. */
export function rewardAddressOf(publicKey: Uint8Array, network: CardanoNetwork): CardanoAddress {
  const bytes = new Uint8Array(29);
  bytes[0] = 0xe0 | networkIdOf(network);
  bytes.set(keyHash(publicKey), 1);
  return addressFromBytes(bytes);
}

export const addressHex = (address: CardanoAddress): string => bytesToHex(address.bytes);
