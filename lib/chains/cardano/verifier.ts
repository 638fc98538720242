/**
 * Cardano: CIP-30 signData (CIP-8 COSE_Sign1 + COSE_Key) over the exact UTF-8 bytes of the CAIP-122 text.
 * Verified with native Ed25519 (lib/crypto/ed25519.ts, RFC 8032 strict), @noble blake2b-224 and a strict CBOR reader, not Mesh's checkSignature:
 * Mesh re-encodes the protected header, reads hex-looking messages as hex, ignores the `hashed` flag and lets a stake
 * key stand for a base address. Here the key must hash to the credential the claimed address type names.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { verifyEd25519 } from '../../crypto/ed25519';
import { fail } from '../../errors';
import type { ChainVerifier, SignInInput } from '../types';
import { keyHash, parseAddressFor, type CardanoAddress, type CardanoNetwork } from './address';
import { CborError } from './cbor';
import { ALG_EDDSA, CoseError, readCoseKey, readCoseSign1, sigStructure, type CoseSign1 } from './cose';

/** CIP-34 references: `{network id}-{network magic}`. */
export const CIP34_REFERENCE: Record<CardanoNetwork, string> = {
  mainnet: '1-764824073',
  preprod: '0-1',
  preview: '0-2',
};

const HASHED_PAYLOAD_LENGTH = 28; // CIP-8: a hashed payload is blake2b-224 of the data

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

function readHex(name: string, text: string | undefined): Uint8Array {
  if (text === undefined || !/^([0-9a-fA-F]{2})+$/.test(text)) fail('malformed_input', `The ${name} must be hex (CIP-30 DataSignature).`);
  return hexToBytes(text.toLowerCase());
}

function readDataSignature(input: SignInInput): { sign1: CoseSign1; publicKey: Uint8Array } {
  const signature = readHex('signature (COSE_Sign1)', input.signature);
  const key = readHex('publicKey (COSE_Key)', input.publicKey);
  try {
    return { sign1: readCoseSign1(signature), publicKey: readCoseKey(key) };
  } catch (e) {
    if (e instanceof CborError || e instanceof CoseError) fail('malformed_input', `The DataSignature could not be read: ${e.message}`, e);
    throw e;
  }
}

function checkProtectedHeader({ protectedHeader }: CoseSign1, claimed: CardanoAddress): void {
  if (protectedHeader.get(1) !== ALG_EDDSA) fail('malformed_input', 'The COSE algorithm must be EdDSA (-8).');
  const signedAddress = protectedHeader.get('address');
  if (!(signedAddress instanceof Uint8Array)) fail('malformed_input', 'The COSE protected header must name the address (CIP-30).');
  if (!sameBytes(signedAddress, claimed.bytes)) fail('address_mismatch', 'The wallet signed for another address than the one claimed.');
}

/** Policy: the key must hash to the credential the claimed address type uses (stake for stake…, payment for addr…). */
function checkKeyBinding(publicKey: Uint8Array, claimed: CardanoAddress): void {
  const hash = keyHash(publicKey);
  if (sameBytes(hash, claimed.signerKeyHash)) return;
  if (claimed.stakeKeyHash && sameBytes(hash, claimed.stakeKeyHash))
    fail('key_not_authorized', 'This is the stake key of that address; sign with its payment key, or sign in with the stake address.');
  fail('address_mismatch', 'The key that signed does not belong to this address.');
}

function checkPayload({ unprotectedHeader, payload }: CoseSign1, message: string): void {
  const hashed = unprotectedHeader.get('hashed') ?? false;
  if (typeof hashed !== 'boolean') fail('malformed_input', 'The COSE "hashed" header must be true or false.');
  const text = utf8ToBytes(message);
  const expected = hashed ? blake2b(text, { dkLen: HASHED_PAYLOAD_LENGTH }) : text;
  if (!sameBytes(payload, expected)) fail('invalid_signature', 'The wallet signed another message.');
}

function ed25519Verifies({ protectedBytes, payload, signature }: CoseSign1, publicKey: Uint8Array): boolean {
  try {
    return verifyEd25519(signature, sigStructure(protectedBytes, payload), publicKey); // RFC 8032 strict, native
  } catch {
    return false; // a public key that is not a curve point
  }
}

export const cardanoVerifier: ChainVerifier<'cardano'> = {
  chain: 'cardano',
  chainReference: (network) => CIP34_REFERENCE[network],
  normalizeAddress: (address, network) => parseAddressFor(address, network).bech32,
  signingParams: (message) => ({ payload: bytesToHex(utf8ToBytes(message)) }),

  async verify({ input, address, network }) {
    const claimed = parseAddressFor(address, network);
    const { sign1, publicKey } = readDataSignature(input);
    checkProtectedHeader(sign1, claimed);
    checkKeyBinding(publicKey, claimed);
    checkPayload(sign1, input.message);
    if (!ed25519Verifies(sign1, publicKey)) fail('invalid_signature', 'The signature does not match the key and message.');
  },
};
