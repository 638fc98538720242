/**
 * The exact byte layouts Nautilus has signed for a dApp's message, all derived from the server's text:
 * - `sign_data`, older Nautilus: the raw UTF-8 bytes of the message.
 * - `sign_data`, Nautilus with Fleet's ErgoMessage: `0x00 ‖ networkByte ‖ blake2b256(utf8(message))` (34 bytes).
 *   Nautilus builds it with `ErgoMessage.fromData(message)`, whose network defaults to mainnet (0x00) even on
 *   testnet; a wallet that sets the network writes 0x10 on testnet, so testnet also accepts 0x10.
 * - EIP-28 `auth`: the UTF-8 bytes of `<message>;<origin host>;<unix seconds>;<random>` (checked in auth-text.ts).
 */
import { blake2b256, NETWORK_PREFIX, type ErgoNetwork } from './address';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Fleet's `ErgoMessage.serialize()` of a string message (type String, hashed). */
export function ergoMessageBytes(message: string, networkByte: number): Uint8Array {
  const bytes = new Uint8Array(34);
  bytes[0] = 0x00;
  bytes[1] = networkByte;
  bytes.set(blake2b256(utf8(message)), 2);
  return bytes;
}

/** Every layout a `sign_data` proof may cover for `message` on `network`. */
export function signDataLayouts(message: string, network: ErgoNetwork): Uint8Array[] {
  const networkBytes = [...new Set([NETWORK_PREFIX.mainnet, NETWORK_PREFIX[network]])];
  // Current Nautilus (and our demo wallet) sign the ErgoMessage hash: try it first, so a real sign-in costs one check.
  return [...networkBytes.map((n) => ergoMessageBytes(message, n)), utf8(message)];
}

export { utf8 };
