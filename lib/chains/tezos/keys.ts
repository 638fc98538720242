/**
 * Tezos keys, signatures and addresses through @taquito/utils, with our stricter policy on top:
 * only tz1/tz2/tz3 (ed25519, secp256k1, p256), and a curve-specific signature prefix must match the key's curve
 * (taquito verifies by the key's curve and ignores the signature's prefix). A generic `sig…` is checked with the
 * key's curve only.
 */
import {
  b58DecodeAndCheckPrefix,
  getPkhfromPk,
  PrefixV2,
  validateKeyHash,
  ValidationResult,
  verifySignature,
} from '@taquito/utils';
import { fail } from '../../errors';

export type Curve = 'ed25519' | 'secp256k1' | 'p256';

const KEY_CURVES: Partial<Record<PrefixV2, Curve>> = {
  [PrefixV2.Ed25519PublicKey]: 'ed25519',
  [PrefixV2.Secp256k1PublicKey]: 'secp256k1',
  [PrefixV2.P256PublicKey]: 'p256',
};

const SIGNATURE_CURVES: Partial<Record<PrefixV2, Curve | 'generic'>> = {
  [PrefixV2.Ed25519Signature]: 'ed25519',
  [PrefixV2.Secp256k1Signature]: 'secp256k1',
  [PrefixV2.P256Signature]: 'p256',
  [PrefixV2.GenericSignature]: 'generic',
};

const ADDRESS_RE = /^tz[123]/;

function reason(result: ValidationResult | undefined, expected: string): string {
  switch (result) {
    case ValidationResult.INVALID_CHECKSUM:
      return 'has a wrong checksum (mistyped or truncated)';
    case ValidationResult.INVALID_LENGTH:
      return 'has the wrong length (truncated?)';
    case ValidationResult.INVALID_ENCODING:
      return 'is not Base58';
    default:
      return `is not ${expected}`;
  }
}

/** Decodes Base58Check with one of `allowed` prefixes; anything unreadable is malformed_input with a reason. */
function decode(value: string, allowed: PrefixV2[], what: string, expected: string): PrefixV2 {
  try {
    const [, prefix] = b58DecodeAndCheckPrefix(value, allowed);
    return prefix;
  } catch (e) {
    const result = (e as { result?: ValidationResult }).result;
    return fail('malformed_input', `The ${what} ${reason(result, expected)}.`, e);
  }
}

export function publicKeyCurve(publicKey: string): Curve {
  const prefix = decode(publicKey, Object.keys(KEY_CURVES) as PrefixV2[], 'public key', 'an edpk, sppk or p2pk key');
  return KEY_CURVES[prefix]!;
}

export function signatureCurve(signature: string): Curve | 'generic' {
  const prefix = decode(signature, Object.keys(SIGNATURE_CURVES) as PrefixV2[], 'signature', 'an edsig, spsig1, p2sig or sig signature');
  return SIGNATURE_CURVES[prefix]!;
}

/** tz1/tz2/tz3 with a valid checksum; KT1 (contracts) and tz4 (BLS) are refused with a reason. */
export function normalizeTezosAddress(address: string): string {
  if (address.startsWith('KT1'))
    fail('malformed_input', 'KT1… addresses are smart contracts and cannot sign; sign in with a tz1, tz2 or tz3 account.');
  if (address.startsWith('tz4'))
    fail('malformed_input', 'tz4 (BLS) accounts are not supported for sign-in; use a tz1, tz2 or tz3 account.');
  if (!ADDRESS_RE.test(address)) fail('malformed_input', 'That is not a Tezos account address (tz1, tz2 or tz3).');
  const result = validateKeyHash(address);
  if (result !== ValidationResult.VALID) fail('malformed_input', `That Tezos address ${reason(result, 'a valid address')}.`);
  return address;
}

/** The tz1/tz2/tz3 address a public key hashes to. */
export const addressOfKey = (publicKey: string) => getPkhfromPk(publicKey);

/**
 * True when `signature` is `publicKey`'s signature over `payload` (Blake2b-256 of the bytes, as Tezos signs).
 * Throws malformed_input for unreadable keys/signatures and invalid_signature for a curve mismatch.
 */
export function checkSignature(payload: Uint8Array, publicKey: string, signature: string): boolean {
  const keyCurve = publicKeyCurve(publicKey);
  const sigCurve = signatureCurve(signature);
  if (sigCurve !== 'generic' && sigCurve !== keyCurve)
    fail('invalid_signature', `This is a ${sigCurve} signature, but the public key is ${keyCurve}.`);
  try {
    return verifySignature(payload, publicKey, signature);
  } catch {
    return false;
  }
}
