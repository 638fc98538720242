/** Published and generated NEP-413 vectors (test/vectors/near, see its README) through the verifier's own checks. */
import { describe, expect, it } from 'vitest';
import { parseSeedPhrase, verifyNep413Signature } from 'near-kit';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, base64 } from '@scure/base';
import { verifySignIn } from '../../auth/core';
import { isAppError } from '../../errors';
import { RP, expectAt } from '../../../test/helpers/relying-party';
import published from '../../../test/vectors/near/published.json';
import generated from '../../../test/vectors/near/generated.json';
import { checkNep413Signature } from './verifier';

const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

type Vector = { signature: string; payload: { message: string; nonce: string; recipient: string; callbackUrl: string | null } };

/** Our signature check, given the callbackUrl (when `withCallbackUrl`) as a client would name it in the body. */
async function ourOutcome(v: Vector, publicKey: string, withCallbackUrl = false) {
  const callbackUrl = withCallbackUrl ? (v.payload.callbackUrl ?? undefined) : undefined;
  try {
    await checkNep413Signature({ signature: v.signature, publicKey, message: v.payload.message, recipient: v.payload.recipient, nonce: base64.decode(v.payload.nonce), callbackUrl });
    return 'valid';
  } catch (e) {
    return isAppError(e) ? e.code : 'threw';
  }
}

describe('published vectors (near/near-api-rs)', () => {
  it('the seed phrase gives the documented public key', () => {
    expect(parseSeedPhrase(published.key.seedPhrase, published.key.hdPath).publicKey.toString()).toBe(published.key.publicKey);
  });

  for (const v of published.vectors) {
    it(`${v.name}: documented ${v.documented}, ours ${v.ours}`, async () => {
      const params = { ...v.payload, nonce: base64.decode(v.payload.nonce), callbackUrl: v.payload.callbackUrl ?? undefined };
      const documented = await verifyNep413Signature({ accountId: 'x', publicKey: published.key.publicKey, signature: v.signature }, params, { nonceValidation: 'none' });
      expect(documented ? 'valid' : 'invalid').toBe(v.documented);
      expect(await ourOutcome(v, published.key.publicKey)).toBe(v.ours);
      expect(await ourOutcome(v, published.key.publicKey, true)).toBe(v.oursWithCallbackUrl);
    });
  }

  it('refuses the base58 signature form that near-api-rs also accepts (stricter: NEP-413 says base64)', async () => {
    const v = published.vectors[0]!;
    const signature = `ed25519:${base58.encode(base64.decode(v.signature))}`;
    expect(await ourOutcome({ ...v, signature }, published.key.publicKey)).toBe('malformed_input');
  });
});

describe('generated vectors (test/vectors/near/generate.ts)', () => {
  it('NEP-413 spec example: near-kit accepts a signature made over independently encoded Borsh bytes', async () => {
    const { payload, borshHex, sha256Hex, publicKey, signature } = generated.specExample;
    const nonce = base64.decode(payload.nonce);
    expect(borshHex.slice(0, 8)).toBe('9d010080'); // u32 LE 2^31 + 413
    expect(toHex(sha256(Buffer.from(borshHex, 'hex')))).toBe(sha256Hex);
    const ok = await verifyNep413Signature({ accountId: 'x', publicKey, signature }, { ...payload, nonce }, { nonceValidation: 'none' });
    expect(ok).toBe(true);
  });

  for (const v of generated.signIn) {
    it(`${v.name} → ${v.expect}`, async () => {
      const rp = { ...RP, origin: generated.relyingParty.origin, networks: { ...RP.networks, near: v.network as 'mainnet' | 'testnet' } };
      const submitted = 'callbackUrl' in v ? { callbackUrl: v.callbackUrl } : {};
      const body = { chain: 'near', address: v.address, message: v.message, signature: v.signature, publicKey: v.publicKey, ...submitted };
      const r = await verifySignIn(body, expectAt(undefined, rp, new Date(generated.relyingParty.now)));
      expect(r.ok ? 'ok' : r.code).toBe(v.expect);
    });
  }
});
