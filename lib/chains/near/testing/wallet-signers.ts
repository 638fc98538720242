/**
 * Test doubles that sign NEP-413 the way two real wallets do, read from their own code (not from near-kit, which
 * the verifier uses). Real ed25519 keys (@noble/curves); the account is the implicit hex(public key).
 *
 * MyNearWallet — near-connect executor hot-dao/near-selector (mirror azbang/hot-connector) `near-wallets/src/mnw.ts`
 * `signMessage`: `url = callbackUrl || window.selector.location`, nonce sent as `Buffer.from(nonce).toString("base64")`;
 * the wallet, mynearwallet/my-near-wallet `packages/frontend/src/utils/signMessage.ts` `messageToSign` (non-Ledger
 * branch): nonce = isBase64 ? base64-decoded : UTF-8 bytes, then borsh.serialize of the schema
 * `struct { tag: 'u32' (2147484061), message: 'string', nonce: {array: {type: 'u8', len: 32}}, recipient: 'string',
 * callbackUrl: {option: 'string'} }`; `redux/slices/signMessage/index.js` signs it with near-api-js's signer
 * (`signMessage` = ed25519 over SHA-256 of the bytes) and returns `{accountId, signature: base64, publicKey}` —
 * without the callbackUrl it signed.
 *
 * Intear — INTEARnear/intearwallet-connect `src/index.ts` `ConnectedAccount.signMessage` sends the payload as JSON
 * `{message, nonce: Array.from(nonce), recipient, callback_url: callbackUrl ?? null, state}` ("callback_url will be
 * used to serialize the message", INTEARnear/wallet `POSTMESSAGE_PROTOCOL.md`), which the Rust wallet reads into
 * NEP-413's `Payload { message, nonce: [u8; 32], recipient, callback_url: Option<String> }` (layout as in
 * near/near-api-rs `types/src/nep413.rs`) after the u32 tag. Its NEAR Connect adapter (INTEARnear/wallet
 * `near-selector.js`) passes only message/nonce/recipient, so through NEAR Connect callback_url is null.
 *
 * The `borsh` npm package MyNearWallet uses is not installed here; the encoders below write its schema's bytes by
 * hand (u32 little-endian, string = u32 length + UTF-8, fixed u8 array raw, option = 0 | 1 + value).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, base64 } from '@scure/base';

const NEP413_TAG = 2147484061; // 2^31 + 413
const utf8 = (s: string) => new TextEncoder().encode(s);
const u32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
const borshString = (s: string) => [...u32(utf8(s).length), ...utf8(s)];
const borshOptionString = (s: string | null | undefined) => (s === null || s === undefined ? [0] : [1, ...borshString(s)]);

export interface TestKey {
  seed: Uint8Array;
  publicKey: string;
  accountId: string;
}

export function newTestKey(seed: Uint8Array = ed25519.utils.randomSecretKey()): TestKey {
  const pub = ed25519.getPublicKey(seed);
  return { seed, publicKey: `ed25519:${base58.encode(pub)}`, accountId: Buffer.from(pub).toString('hex') };
}

export interface SignedNep413 {
  accountId: string;
  publicKey: string;
  signature: string;
}

// ---- MyNearWallet --------------------------------------------------------------------------------------------

const MNW_IS_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;

/** mnw `messageToSign(data, isLedger = false)`: the bytes MyNearWallet signs, from the query parameters it got. */
export function mnwMessageToSign(data: { message: string; nonce: string; recipient: string; callbackUrl?: string }): Uint8Array {
  const nonce = MNW_IS_BASE64.test(data.nonce) ? base64.decode(data.nonce) : utf8(data.nonce);
  if (nonce.length !== 32) throw new Error('borsh: nonce must be 32 bytes');
  return Uint8Array.from([...u32(NEP413_TAG), ...borshString(data.message), ...nonce, ...borshString(data.recipient), ...borshOptionString(data.callbackUrl)]);
}

/**
 * The whole MyNearWallet round trip as near-connect runs it: the executor's `signMessage({message, nonce, recipient,
 * callbackUrl})` on a page at `pageLocation`, the wallet's signing, and the executor's answer.
 */
export function mnwSignMessage(
  key: TestKey,
  params: { message: string; nonce: Uint8Array; recipient: string; callbackUrl?: string },
  pageLocation: string,
): SignedNep413 {
  const url = params.callbackUrl || pageLocation;
  const bytes = mnwMessageToSign({ message: params.message, nonce: base64.encode(params.nonce), recipient: params.recipient, callbackUrl: url });
  const signature = base64.encode(ed25519.sign(sha256(bytes), key.seed));
  return { accountId: key.accountId, publicKey: key.publicKey, signature };
}

// ---- Intear ---------------------------------------------------------------------------------------------------

/** The JSON intearwallet-connect posts to the wallet as `signMessage.data.message`. */
export const intearPayloadJson = (p: { message: string; nonce: Uint8Array; recipient: string; callbackUrl?: string | null; state?: string | null }) =>
  JSON.stringify({ message: p.message, nonce: Array.from(p.nonce), recipient: p.recipient, callback_url: p.callbackUrl ?? null, state: p.state ?? null });

/** What the Intear wallet signs for that JSON: tag, then the Borsh Payload with callback_url as Option<String>. */
export function intearSignMessage(key: TestKey, payloadJson: string): SignedNep413 {
  const p = JSON.parse(payloadJson) as { message: string; nonce: number[]; recipient: string; callback_url: string | null };
  if (p.nonce.length !== 32) throw new Error('nonce must be 32 bytes');
  const bytes = Uint8Array.from([...u32(NEP413_TAG), ...borshString(p.message), ...p.nonce, ...borshString(p.recipient), ...borshOptionString(p.callback_url)]);
  return { accountId: key.accountId, publicKey: key.publicKey, signature: base64.encode(ed25519.sign(sha256(bytes), key.seed)) };
}
