/**
 * Writes test/vectors/near/generated.json: known-answer NEP-413 vectors made with deterministic real keys and an
 * encoder written from the NEP-413 text (u32 LE tag 2^31+413, Borsh { message, nonce[32], recipient,
 * Option<callbackUrl> }, SHA-256, ed25519) — independent of near-kit, which the verifier uses.
 * Run: npx tsx test/vectors/near/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, base64 } from '@scure/base';
import { signInRequest, NOW, RP } from '../../helpers/relying-party';

const TAG = 2 ** 31 + 413;
const utf8 = (s: string) => new TextEncoder().encode(s);
const u32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
const borshString = (s: string) => [...u32(utf8(s).length), ...utf8(s)];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export function nep413Bytes(message: string, nonce: Uint8Array, recipient: string, callbackUrl: string | null): Uint8Array {
  const option = callbackUrl === null ? [0] : [1, ...borshString(callbackUrl)];
  return Uint8Array.from([...u32(TAG), ...borshString(message), ...nonce, ...borshString(recipient), ...option]);
}

const seedFor = (label: string) => sha256(utf8(`walletgate/near/vectors/${label}`));
const publicKeyOf = (seed: Uint8Array) => `ed25519:${base58.encode(ed25519.getPublicKey(seed))}`;
const signB64 = (seed: Uint8Array, bytes: Uint8Array) => base64.encode(ed25519.sign(sha256(bytes), seed));

function specExample() {
  const nonce = Uint8Array.from({ length: 32 }, (_, i) => i);
  const bytes = nep413Bytes('hi', nonce, 'myapp.com', 'myapp.com/callback');
  const seed = seedFor('spec-example');
  return {
    source: 'NEP-413 "Example" section (near/NEPs neps/nep-0413.md): message "hi", nonce [0..31], recipient "myapp.com", callbackUrl "myapp.com/callback"',
    payload: { message: 'hi', nonce: base64.encode(nonce), recipient: 'myapp.com', callbackUrl: 'myapp.com/callback' },
    borshHex: hex(bytes),
    sha256Hex: hex(sha256(bytes)),
    publicKey: publicKeyOf(seed),
    signature: signB64(seed, bytes),
  };
}

function signInVectors() {
  const key = seedFor('account');
  const other = seedFor('other');
  const account = hex(ed25519.getPublicKey(key));
  const testnetRp = { ...RP, networks: { ...RP.networks, near: 'testnet' as const } };
  type Opts = { rp?: typeof RP; seed?: Uint8Array; recipient?: string; nonce?: Uint8Array; callbackUrl?: string; submitCallbackUrl?: string; sigFormat?: 'base58' };
  const build = (name: string, expect: string, o: Opts = {}) => {
    const req = signInRequest('near', account, { rp: o.rp });
    const recipient = o.recipient ?? String(req.signing.recipient);
    const nonce = o.nonce ?? base64.decode(String(req.signing.nonce));
    const seed = o.seed ?? key;
    const bytes = nep413Bytes(req.message, nonce, recipient, o.callbackUrl ?? null);
    const sig = signB64(seed, bytes);
    const signature = o.sigFormat === 'base58' ? `ed25519:${base58.encode(base64.decode(sig))}` : sig;
    const submitted = o.submitCallbackUrl === undefined ? {} : { callbackUrl: o.submitCallbackUrl };
    return { name, network: (o.rp ?? RP).networks.near, address: account, message: req.message, signature, publicKey: publicKeyOf(seed), ...submitted, expect };
  };
  return [
    build('implicit account, mainnet', 'ok'),
    build('implicit account, testnet', 'ok', { rp: testnetRp }),
    build('recipient is not the app host', 'invalid_signature', { recipient: 'evil.example' }),
    build('nonce is not SHA-256 of the message nonce', 'invalid_signature', { nonce: new Uint8Array(32) }),
    build('payload carries a callbackUrl the body does not name', 'invalid_signature', { callbackUrl: 'https://walletgate.test/cb' }),
    build('MyNearWallet: callbackUrl on the app origin, signed and named in the body', 'ok', { callbackUrl: `${RP.origin}/sign-in`, submitCallbackUrl: `${RP.origin}/sign-in` }),
    build('body names a callbackUrl the payload does not carry', 'invalid_signature', { submitCallbackUrl: `${RP.origin}/sign-in` }),
    build('body names another callbackUrl on the app origin than the one signed', 'invalid_signature', { callbackUrl: `${RP.origin}/a`, submitCallbackUrl: `${RP.origin}/b` }),
    build('callbackUrl on a foreign origin, signed and named', 'invalid_callback_url', { callbackUrl: 'https://evil.example/cb', submitCallbackUrl: 'https://evil.example/cb' }),
    build('another key signs for the implicit account', 'address_mismatch', { seed: other }),
    build('signature as ed25519:<base58> (stricter: NEP-413 says base64)', 'malformed_input', { sigFormat: 'base58' }),
  ];
}

const out = {
  generatedBy: 'test/vectors/near/generate.ts',
  relyingParty: { origin: RP.origin, now: NOW.toISOString() },
  specExample: specExample(),
  signIn: signInVectors(),
};
writeFileSync(new URL('./generated.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${out.signIn.length + 1} vectors`);
