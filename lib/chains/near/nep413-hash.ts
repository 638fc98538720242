/**
 * The NEP-413 digest a wallet signs: SHA-256(u32 tag 2^31+413 ‖ borsh {message, nonce[32], recipient, callbackUrl}).
 * Same bytes as near-kit's serializeNep413Message (utils/nep413.ts, not exported by the package), written out so the
 * verifier can hand the digest to the native Ed25519 check. `callbackUrl` is Borsh `Some` when the wallet signed one
 * (MyNearWallet, Intear), `None` otherwise.
 */
import { createHash } from 'node:crypto';

export const NEP413_TAG = 2147484061;

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const borshString = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

export function nep413Digest(p: { message: string; recipient: string; nonce: Uint8Array; callbackUrl?: string }): Uint8Array {
  if (p.nonce.length !== 32) throw new Error('A NEP-413 nonce is 32 bytes.');
  const callbackUrl = p.callbackUrl === undefined
    ? Buffer.from([0]) // Option<string>::None
    : Buffer.concat([Buffer.from([1]), borshString(p.callbackUrl)]);
  const payload = Buffer.concat([u32(NEP413_TAG), borshString(p.message), p.nonce, borshString(p.recipient), callbackUrl]);
  return createHash('sha256').update(payload).digest();
}
