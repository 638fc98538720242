/**
 * Checks the payload a client says it signed against the one rebuilt from the message. The signature is always
 * verified over the rebuilt payload; a claimed payload only gives a clearer reason when it differs.
 */
import { fail } from '../../errors';
import { fromHex, michelinePayloadBytes } from './micheline';

const OPERATION_WATERMARK = 0x03;
const PACK_WATERMARK = 0x05;
const LENGTH_END = 6;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Throws unless `claimed` (hex, optional) is exactly the Micheline payload of `message`. */
export function checkClaimedPayload(claimed: unknown, expected: Uint8Array): void {
  if (claimed === undefined) return;
  if (typeof claimed !== 'string') fail('malformed_input', 'The "payload" field must be a hex string.');
  const bytes = fromHex(claimed);
  if (!bytes || bytes.length === 0) fail('malformed_input', 'The "payload" field must be hex (no 0x).');
  if (sameBytes(bytes, expected)) return;
  if (bytes[0] === OPERATION_WATERMARK)
    fail('invalid_signature', 'The wallet signed an operation (03…), not the sign-in message; sign it as a Micheline message.');
  if (bytes[0] !== PACK_WATERMARK)
    fail('invalid_signature', 'The wallet signed raw bytes, not the Micheline-packed sign-in message (05 01 …).');
  if (sameBytes(bytes.subarray(LENGTH_END), expected.subarray(LENGTH_END)))
    fail('invalid_signature', 'The payload\'s length prefix is not the UTF-8 byte length of the message (a character count?).');
  fail('invalid_signature', 'The signed payload is not this sign-in message.');
}

export const rebuildPayload = (message: string) => michelinePayloadBytes(message);
