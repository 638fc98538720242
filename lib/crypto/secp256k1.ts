/**
 * Is this a SEC1 secp256k1 public key (a point on the curve)? Decompressed by Node's OpenSSL (EC_POINT_oct2point)
 * through ECDH.convertKey, ~4× faster than @noble's pure-JS square root, which cost an Ergo sign-in more than any
 * other step of ours. Server side only (node:crypto); no `server-only` marker: the verification core also runs in
 * the CLI and benches.
 */
import { ECDH } from 'node:crypto';

/** True for a valid compressed (33 bytes, 02/03) or uncompressed (65 bytes, 04) point; false for anything else. */
export function isSecp256k1Point(bytes: Uint8Array): boolean {
  const wellFormed = (bytes.length === 33 && (bytes[0] === 0x02 || bytes[0] === 0x03)) || (bytes.length === 65 && bytes[0] === 0x04);
  if (!wellFormed) return false; // OpenSSL would also take hybrid (06/07) encodings
  try {
    ECDH.convertKey(bytes, 'secp256k1');
    return true;
  } catch {
    return false;
  }
}
