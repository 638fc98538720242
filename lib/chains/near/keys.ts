/** Strict readers for what a NEAR wallet returns: `ed25519:<base58>` public key, base64 signature. */
import { base58, base64 } from '@scure/base';
import { fail } from '../../errors';

const ED25519_PREFIX = 'ed25519:';
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

/** Returns the 32 raw key bytes. Other key types (secp256k1:, ml-dsa-65:) and bad base58 are malformed input. */
export function readEd25519PublicKey(publicKey: string | undefined): Uint8Array {
  if (publicKey === undefined) fail('malformed_input', 'The NEAR public key (publicKey) is missing.');
  if (!publicKey.startsWith(ED25519_PREFIX)) {
    const type = /^[a-z0-9-]+:/.exec(publicKey)?.[0];
    fail('malformed_input', type ? `Only ed25519 keys can sign in (got a ${type.slice(0, -1)} key).` : 'The public key must look like ed25519:<base58>.');
  }
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(publicKey.slice(ED25519_PREFIX.length));
  } catch (e) {
    fail('malformed_input', 'The public key is not valid base58.', e);
  }
  if (bytes.length !== PUBLIC_KEY_BYTES) fail('malformed_input', `An ed25519 public key is ${PUBLIC_KEY_BYTES} bytes.`);
  return bytes;
}

/** Returns the 64 signature bytes; the signature must be standard padded base64, as NEP-413 wallets return it. */
export function readSignature(signature: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(signature);
  } catch (e) {
    fail('malformed_input', 'The signature must be base64 (as NEP-413 wallets return it).', e);
  }
  if (bytes.length !== SIGNATURE_BYTES) fail('malformed_input', `An ed25519 signature is ${SIGNATURE_BYTES} bytes.`);
  return bytes;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
