/**
 * Ergo address decoding without the wasm library (normalizeAddress must be synchronous and cheap).
 * Layout: prefix byte (network + type) ++ content ++ first 4 bytes of blake2b256(prefix ++ content), base58.
 * P2PK content is the 33-byte compressed secp256k1 public key.
 */
import { base58 } from '@scure/base';
import { blake2b } from '@noble/hashes/blake2.js';
import { isSecp256k1Point } from '../../crypto/secp256k1';
import { fail } from '../../errors';
import type { ChainNetworks } from '../types';
import { P2PK_ADDRESS_START } from './constants';

export type ErgoNetwork = ChainNetworks['ergo'];

export const NETWORK_PREFIX: Record<ErgoNetwork, number> = { mainnet: 0x00, testnet: 0x10 };
const ADDRESS_TYPE = { p2pk: 0x01, p2sh: 0x02, p2s: 0x03 } as const;
const CHECKSUM_LENGTH = 4;
const PUBLIC_KEY_LENGTH = 33;
const BASE58_RE = /^[1-9A-HJ-NP-Za-km-z]+$/;

export interface ErgoP2pkAddress {
  address: string;
  publicKey: Uint8Array;
}

const blake2b256 = (bytes: Uint8Array) => blake2b(bytes, { dkLen: 32 });

function decodeBase58(address: string): Uint8Array {
  if (typeof address !== 'string' || !BASE58_RE.test(address)) fail('malformed_input', 'That is not an Ergo address (base58).');
  try {
    return base58.decode(address);
  } catch {
    return fail('malformed_input', 'That is not an Ergo address (base58).');
  }
}

function checksumMatches(bytes: Uint8Array): boolean {
  const body = bytes.subarray(0, bytes.length - CHECKSUM_LENGTH);
  const checksum = blake2b256(body).subarray(0, CHECKSUM_LENGTH);
  return checksum.every((b, i) => b === bytes[body.length + i]);
}

/** Decodes a P2PK address of `network`. Throws `malformed_input` (unreadable, P2S/P2SH) or `wrong_network`. */
export function parseP2pkAddress(address: string, network: ErgoNetwork): ErgoP2pkAddress {
  const bytes = decodeBase58(address);
  if (bytes.length <= 1 + CHECKSUM_LENGTH || !checksumMatches(bytes)) fail('malformed_input', 'That Ergo address has a bad checksum.');
  const networkByte = bytes[0] & 0xf0;
  const typeByte = bytes[0] & 0x0f;
  if (networkByte !== NETWORK_PREFIX.mainnet && networkByte !== NETWORK_PREFIX.testnet) fail('malformed_input', 'That Ergo address has an unknown network prefix.');
  if (networkByte !== NETWORK_PREFIX[network]) {
    fail('wrong_network', `That is not an Ergo ${network} address (${network} P2PK addresses start with ${P2PK_ADDRESS_START[network]}).`);
  }
  if (typeByte === ADDRESS_TYPE.p2sh || typeByte === ADDRESS_TYPE.p2s)
    fail('malformed_input', 'Only P2PK wallet addresses can sign in; this is a script (P2S/P2SH) address.');
  if (typeByte !== ADDRESS_TYPE.p2pk) fail('malformed_input', 'That Ergo address has an unknown type.');
  const publicKey = bytes.slice(1, bytes.length - CHECKSUM_LENGTH);
  if (publicKey.length !== PUBLIC_KEY_LENGTH || !isSecp256k1Point(publicKey)) fail('malformed_input', 'That Ergo address does not hold a valid public key.');
  return { address: base58.encode(bytes), publicKey };
}

export { blake2b256 };
