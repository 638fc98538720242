/**
 * The Micheline envelope Tezos wallets sign for text: PACK of a Michelson string.
 * `05` (PACK watermark) `01` (string tag) <4-byte big-endian UTF-8 byte length> <UTF-8 bytes>.
 * Browser-safe (no Node APIs): the demo wallet builds the same bytes.
 */

const PACK = 0x05;
const STRING_TAG = 0x01;
const HEADER_BYTES = 6;

/** The exact payload bytes for `message`; the length is the UTF-8 byte count, never the character count. */
export function michelinePayloadBytes(message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  const payload = new Uint8Array(HEADER_BYTES + text.length);
  payload[0] = PACK;
  payload[1] = STRING_TAG;
  new DataView(payload.buffer).setUint32(2, text.length, false);
  payload.set(text, HEADER_BYTES);
  return payload;
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Strict hex → bytes: even length, hex digits only, no 0x. Returns null when it is not hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The hex payload the wallet signs (`signing.payload` of POST /api/auth/nonce). */
export const michelinePayloadHex = (message: string) => toHex(michelinePayloadBytes(message));
