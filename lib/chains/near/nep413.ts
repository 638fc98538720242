/**
 * The NEP-413 signing parameters we derive from a sign-in message. Browser-safe and dependency-light:
 * the server (signingParams, verify), the connector, the demo wallet and the e2e fake wallet all use these.
 *
 * recipient = the app's host (the message's domain); nonce = SHA-256 of the message's nonce text (32 bytes, as
 * NEP-413 requires). Both are recomputed by the verifier from the message it checked — never taken from the client.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64 } from '@scure/base';

export const NEP413_NONCE_BYTES = 32;

export interface Nep413Params {
  message: string;
  recipient: string;
  nonce: Uint8Array;
}

/** The 32-byte NEP-413 nonce bound to a sign-in message's nonce. */
export const nep413Nonce = (messageNonce: string): Uint8Array => sha256(new TextEncoder().encode(messageNonce));

/** What POST /api/auth/nonce returns as `signing` for NEAR. */
export const encodeSigningParams = (recipient: string, messageNonce: string) => ({
  recipient,
  nonce: base64.encode(nep413Nonce(messageNonce)),
});

/** Reads `signing` back into signMessage parameters (browser side). Throws Error on a malformed value. */
export function decodeSigningParams(message: string, signing: Record<string, unknown>): Nep413Params {
  const { recipient, nonce } = signing;
  if (typeof recipient !== 'string' || recipient.length === 0) throw new Error('signing.recipient is missing');
  if (typeof nonce !== 'string') throw new Error('signing.nonce is missing');
  const bytes = base64.decode(nonce);
  if (bytes.length !== NEP413_NONCE_BYTES) throw new Error(`signing.nonce must be ${NEP413_NONCE_BYTES} bytes`);
  return { message, recipient, nonce: bytes };
}
