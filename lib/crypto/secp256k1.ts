/**
 * Is this a SEC1 secp256k1 public key (a point on the curve)? Decompressed by Node's OpenSSL (EC_POINT_oct2point)
 * through ECDH.convertKey, ~4× faster than @noble's pure-JS square root, which cost an Ergo sign-in more than any
 * other step of ours. Server side only (node:crypto); no `server-only` marker: the verification core also runs in
 * the CLI and benches.
 */
import { ECDH } from 'node:crypto';

// Points already seen valid (a sign-in checks its address at nonce time and again at verify): a pure answer, bounded.
const KNOWN_VALID = new Set<string>();
const KNOWN_VALID_MAX = 4096;

/** True for a valid compressed (33 bytes, 02/03) or uncompressed (65 bytes, 04) point; false for anything else. */
export function isSecp256k1Point(bytes: Uint8Array): boolean {
  const wellFormed = (bytes.length === 33 && (bytes[0] === 0x02 || bytes[0] === 0x03)) || (bytes.length === 65 && bytes[0] === 0x04);
  if (!wellFormed) return false; // OpenSSL would also take hybrid (06/07) encodings
  const key = Buffer.from(bytes).toString('hex');
  if (KNOWN_VALID.has(key)) return true;
  try {
    ECDH.convertKey(bytes, 'secp256k1');
  } catch {
    return false;
  }
  if (KNOWN_VALID.size >= KNOWN_VALID_MAX) KNOWN_VALID.delete(KNOWN_VALID.values().next().value!);
  KNOWN_VALID.add(key);
  return true;
}
