/** The bytes a wallet signs: the server's `signing.payload` (hex of the message's UTF-8), else the text's UTF-8. */
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export function payloadBytes(message: string, signing: Record<string, unknown>): Uint8Array {
  const payload = signing.payload;
  return typeof payload === 'string' && /^([0-9a-fA-F]{2})+$/.test(payload) ? hexToBytes(payload.toLowerCase()) : utf8ToBytes(message);
}
