import { beforeAll, describe, expect, it } from 'vitest';
import { PrefixV2, verifySignature } from '@taquito/utils';
import { createSignInRequest, verifySignIn } from '../../auth/core';
import { NOW, RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import type { Curve } from './keys';
import type { SignInMessage } from '../../auth/message';
import { michelinePayloadHex, toHex } from './micheline';
import { encodeBytes, reencodeSignature, signatureBytes, testKey, type TestKey } from './test-keys';
import { tezosVerifier } from './verifier';

const CURVES: [Curve, string, PrefixV2][] = [
  ['ed25519', 'tz1', PrefixV2.Ed25519Signature],
  ['secp256k1', 'tz2', PrefixV2.Secp256k1Signature],
  ['p256', 'tz3', PrefixV2.P256Signature],
];
const OTHER_CURVE: Record<Curve, Curve> = { ed25519: 'secp256k1', secp256k1: 'p256', p256: 'ed25519' };
const utf8Hex = (text: string) => toHex(new TextEncoder().encode(text));

/** A signed-message text with non-ASCII characters (built by hand: the message builder refuses them in a statement). */
const nonAsciiText = (address: string) => signInRequest('tezos', address).message.replace('Sign in to walletgate with this wallet.', 'Connexion sécurisée — für Mitglieder ✓');

/** The Tezos verifier alone (signature + key binding), as verifySignIn runs it after the message checks. */
async function verifierOutcome(body: { address: string; message: string; signature: string; publicKey: string; payload?: string }) {
  try {
    const input = { ...body, chain: 'tezos' as const, extras: body };
    await tezosVerifier.verify({ input, address: body.address, message: {} as SignInMessage, network: 'mainnet', origin: RP.origin, domain: 'walletgate.test', now: NOW });
    return 'ok';
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
}

/** A sign-in body for `key`'s address signed by `signer` over `payloadOf(message)` (the wallet's exact format). */
async function signed(key: TestKey, opts: { signer?: TestKey; payloadOf?: (m: string) => string; message?: string } = {}) {
  const req = signInRequest('tezos', key.address);
  const message = opts.message ?? req.message;
  const payload = (opts.payloadOf ?? michelinePayloadHex)(message);
  const signature = await (opts.signer ?? key).sign(payload);
  return { req, payload, body: { chain: 'tezos', address: key.address, message, signature, publicKey: key.publicKey, payload } };
}

describe('tezos message and payload', () => {
  it('writes the Tezos prefix, the chain id and the Micheline payload with the UTF-8 byte length', async () => {
    const key = await testKey('ed25519');
    const req = signInRequest('tezos', key.address);
    expect(req.message.startsWith('Tezos Signed Message: walletgate.test wants you to sign in with your Tezos account:\n')).toBe(true);
    expect(req.message).toContain('Chain ID: NetXdQprcVkpaWU');
    const bytes = new TextEncoder().encode(req.message).length;
    expect(req.signing).toEqual({
      payload: `0501${bytes.toString(16).padStart(8, '0')}${utf8Hex(req.message)}`,
      kukai: { requestId: 'urn:walletgate:sign-in', nonce: 'n0nceAbCdEf0123456789x' },
    });
    expect(michelinePayloadHex('é')).toBe('050100000002c3a9');
  });

  it('uses the ghostnet chain id', async () => {
    const key = await testKey('ed25519');
    const req = signInRequest('tezos', key.address, { rp: { ...RP, networks: { ...RP.networks, tezos: 'ghostnet' } } });
    expect(req.message).toContain('Chain ID: NetXnHfVqm9iesp');
  });
});

describe.each(CURVES)('tezos verifier, %s (%s)', (curve, addressPrefix, sigPrefix) => {
  let key: TestKey;
  let other: TestKey;
  let otherCurve: TestKey;
  beforeAll(async () => {
    [key, other, otherCurve] = await Promise.all([testKey(curve), testKey(curve), testKey(OTHER_CURVE[curve])]);
    expect(key.address.startsWith(addressPrefix)).toBe(true);
  });

  it('accepts a real signature, with and without the payload field', async () => {
    const { body } = await signed(key);
    expect(body.signature.startsWith(sigPrefix)).toBe(true);
    const r = await verifySignIn(body, expectAt());
    expect(r).toMatchObject({ ok: true, account: { chain: 'tezos', address: key.address, caip10: `tezos:NetXdQprcVkpaWU:${key.address}` } });
    const { payload: _omitted, ...withoutPayload } = body;
    expect((await verifySignIn(withoutPayload, expectAt())).ok).toBe(true);
  });

  it('checks the UTF-8 byte length of a non-ASCII text (the verifier layer; sign-in statements are ASCII)', async () => {
    const text = nonAsciiText(key.address);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(text.length);
    const payload = michelinePayloadHex(text);
    const body = { chain: 'tezos' as const, address: key.address, message: text, signature: await key.sign(payload), publicKey: key.publicKey, payload };
    expect(await verifierOutcome(body)).toBe('ok');
    // EIP-4361's statement ABNF is ASCII: the whole sign-in refuses the text before any signature check.
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'invalid_message' });
  });

  it('accepts the same signature under the generic sig prefix', async () => {
    const { body } = await signed(key);
    const generic = reencodeSignature(body.signature, PrefixV2.GenericSignature);
    expect(generic.startsWith('sig')).toBe(true);
    expect(await verifySignIn({ ...body, signature: generic }, expectAt())).toMatchObject({ ok: true });
  });

  it('rejects a public key that does not hash to the address', async () => {
    const { body } = await signed(other, { signer: key });
    const r = await verifySignIn({ ...body, publicKey: key.publicKey }, expectAt());
    expect(r).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it("rejects another key's signature for this address", async () => {
    const { body } = await signed(other, { signer: key });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a generic sig made by a key of another curve', async () => {
    const { body } = await signed(key, { signer: otherCurve });
    const generic = reencodeSignature(body.signature, PrefixV2.GenericSignature);
    expect(await verifySignIn({ ...body, signature: generic }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it("rejects this key's signature under another curve's prefix (taquito alone would accept it)", async () => {
    const { body, payload } = await signed(key);
    const foreignPrefix = CURVES.find(([c]) => c === OTHER_CURVE[curve])![2];
    const relabelled = reencodeSignature(body.signature, foreignPrefix);
    expect(verifySignature(payload, key.publicKey, relabelled)).toBe(true);
    const r = await verifySignIn({ ...body, signature: relabelled }, expectAt());
    expect(r).toMatchObject({ ok: false, code: 'invalid_signature', message: expect.stringMatching(/signature, but the public key is/) });
  });

  it('rejects a payload whose length prefix is the character count', async () => {
    const charCount = (m: string) => `0501${m.length.toString(16).padStart(8, '0')}${utf8Hex(m)}`;
    const text = nonAsciiText(key.address);
    const payload = charCount(text);
    expect(payload).not.toBe(michelinePayloadHex(text));
    const body = { chain: 'tezos' as const, address: key.address, message: text, signature: await key.sign(payload), publicKey: key.publicKey, payload };
    expect(await verifierOutcome(body)).toMatch(/^invalid_signature: .*length prefix/);
    const { payload: _p, ...noClaim } = body;
    expect(await verifierOutcome(noClaim)).toMatch(/^invalid_signature/);
  });

  it('rejects an operation-watermarked (03) payload and a raw payload', async () => {
    for (const [payloadOf, why] of [[(m: string) => `03${utf8Hex(m)}`, /operation/], [(m: string) => utf8Hex(m), /raw bytes/]] as const) {
      const { body } = await signed(key, { payloadOf });
      expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature', message: expect.stringMatching(why) });
      const { payload: _p, ...noClaim } = body;
      expect(await verifySignIn(noClaim, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    }
  });

  it('rejects one changed byte of the signature and one changed character of the message', async () => {
    const { body } = await signed(key);
    const bytes = signatureBytes(body.signature);
    bytes[10] ^= 0x01;
    const flipped = encodeBytes(bytes, sigPrefix);
    expect(await verifySignIn({ ...body, signature: flipped }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const message = body.message.replace('Sign in to', 'Sign in To');
    const { payload: _p, ...noClaim } = body;
    expect(await verifySignIn({ ...noClaim, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn({ ...body, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a truncated signature as malformed', async () => {
    const { body } = await signed(key);
    const cut = await verifySignIn({ ...body, signature: body.signature.slice(0, -4) }, expectAt());
    expect(cut).toMatchObject({ ok: false, code: 'malformed_input', message: expect.stringMatching(/signature has a wrong checksum/) });
    const short = encodeBytes(signatureBytes(body.signature).subarray(0, 63), sigPrefix);
    expect(await verifySignIn({ ...body, signature: short }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });
});

describe('tezos verifier, bad input', () => {
  let key: TestKey;
  beforeAll(async () => {
    key = await testKey('ed25519');
  });

  it('needs the public key', async () => {
    const { body } = await signed(key);
    const { publicKey: _pk, ...noKey } = body;
    expect(await verifySignIn(noKey, expectAt())).toMatchObject({ ok: false, code: 'malformed_input', message: expect.stringMatching(/public key is needed/) });
  });

  it('refuses KT1, tz4 and mistyped addresses with a reason', async () => {
    const cases: [string, RegExp][] = [
      ['KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn', /smart contracts/],
      ['tz4HVR6aty9KwsQFHh81C1G7gBdhxT8kuytm', /BLS/],
      [`${key.address.slice(0, -1)}${key.address.endsWith('a') ? 'b' : 'a'}`, /checksum/],
      ['0x1234', /not a Tezos account/],
    ];
    for (const [address, why] of cases) {
      expect(() => signInRequest('tezos', address)).toThrow(why);
      const { body } = await signed(key);
      expect(await verifySignIn({ ...body, address }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input', message: expect.stringMatching(why) });
    }
  });

  it('rejects a message for another network', async () => {
    const ghost = { ...RP, networks: { ...RP.networks, tezos: 'ghostnet' as const } };
    const req = signInRequest('tezos', key.address, { rp: ghost });
    const payload = req.signing.payload as string;
    const body = { chain: 'tezos', address: key.address, message: req.message, signature: await key.sign(payload), publicKey: key.publicKey };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(await verifySignIn(body, expectAt(undefined, ghost))).toMatchObject({ ok: true });
  });

  it('answers garbage with { ok: false } and a 4xx code, never a throw', async () => {
    const { body } = await signed(key);
    const variants: Record<string, unknown>[] = [
      { signature: 'edsig' }, { signature: 'zz' }, { signature: '0OIl' }, { signature: 'x'.repeat(500) },
      { publicKey: 'edpkxyz' }, { publicKey: key.publicKey.slice(0, -2) }, { publicKey: 'BLpk1yoPpFtFF3jGUSn2GrGzgHVcj1cm5o6HTMwiqSjiTNFSJskXFady9nrdhoZzrG6ybYxfFPCi' },
      { publicKey: body.signature }, { signature: key.publicKey }, { payload: 42 }, { payload: 'nothex' }, { payload: '0x05' }, { payload: '' },
      { message: 'Tezos Signed Message: hello' }, { message: 'hello' },
    ];
    for (const variant of variants) {
      const r = await verifySignIn({ ...body, ...variant }, expectAt());
      expect(r.ok, JSON.stringify(variant)).toBe(false);
      if (!r.ok) expect(['malformed_input', 'invalid_signature', 'invalid_message'], JSON.stringify(variant)).toContain(r.code);
    }
    expect(await verifySignIn({ chain: 'tezos' }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });
});
