/** Edge cases no honest wallet writes, built by hand with real keys (see test-keys.ts), plus the stake-vs-payment policy. */
import { describe, expect, it } from 'vitest';
import { checkSignature } from '@meshsdk/core';
import { blake2b } from '@noble/hashes/blake2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { cardanoVerifier } from './verifier';
import { baseAddressOf, cip30Sign, craftDataSignature, hex, rawKey } from './test-keys';

const key = rawKey();
const payment = rawKey();

function bodyFor(address: string, ds: { signature: string; publicKey: string }) {
  const req = signInRequest('cardano', address);
  return { req, body: { chain: 'cardano', address, message: req.message, ...ds } };
}

/** Signs the sign-in message for `address` through `make(messageBytes)`. */
function signed(address: string, make: (message: Uint8Array) => { signature: string; publicKey: string }) {
  const { req } = bodyFor(address, { signature: '', publicKey: '' });
  return bodyFor(address, make(utf8ToBytes(req.message))).body;
}

describe('cardano verifier: policy and COSE edge cases', () => {
  it("accepts the demo wallet's CIP-30 writer (same bytes a wallet returns)", async () => {
    const req = signInRequest('cardano', key.reward.bech32);
    const ds = await cip30Sign(key, key.reward.bytes, Buffer.from(req.signing.payload as string, 'hex'));
    expect(await verifySignIn({ chain: 'cardano', address: key.reward.bech32, message: req.message, ...ds }, expectAt())).toMatchObject({ ok: true });
    expect(await checkSignature(req.message, { key: ds.publicKey, signature: ds.signature }, key.reward.bech32)).toBe(true);
  });

  it('POLICY: a stake-key signature does not stand for a base address (Mesh checkSignature would accept it)', async () => {
    const base = baseAddressOf(payment.publicKey, key.publicKey);
    const body = signed(base.bech32, (m) => craftDataSignature(key, base.bytes, { payload: m }));
    expect(await checkSignature(body.message, { key: body.publicKey, signature: body.signature }, base.bech32)).toBe(true);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'key_not_authorized' });
    const byPayment = signed(base.bech32, (m) => craftDataSignature(payment, base.bytes, { payload: m }));
    expect(await verifySignIn(byPayment, expectAt())).toMatchObject({ ok: true });
  });

  it('rejects a header naming another address even when the key is right', async () => {
    const other = rawKey();
    const body = signed(key.reward.bech32, (m) => craftDataSignature(key, other.reward.bytes, { payload: m }));
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects a key that claims the address in the header but does not hash to it', async () => {
    const other = rawKey();
    const body = signed(key.reward.bech32, (m) => craftDataSignature(other, key.reward.bytes, { payload: m }));
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects a valid signature over other bytes than the Sig_structure', async () => {
    const body = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: m, signOver: m }));
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('accepts hashed payloads only when they are blake2b-224 of the exact message', async () => {
    const hashed = new Map([['hashed', true]]);
    const good = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: blake2b(m, { dkLen: 28 }), unprotectedHeader: hashed }));
    expect(await verifySignIn(good, expectAt())).toMatchObject({ ok: true });
    const wrongMessage = signed(key.reward.bech32, (m) =>
      craftDataSignature(key, key.reward.bytes, { payload: blake2b(Uint8Array.from([...m, 0x20]), { dkLen: 28 }), unprotectedHeader: hashed }));
    expect(await verifySignIn(wrongMessage, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const notFlagged = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: blake2b(m, { dkLen: 28 }) }));
    expect(await verifySignIn(notFlagged, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const blake256 = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: blake2b(m, { dkLen: 32 }), unprotectedHeader: hashed }));
    expect(await verifySignIn(blake256, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const odd = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: m, unprotectedHeader: new Map([['hashed', 1]]) }));
    expect(await verifySignIn(odd, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('never reads a hex-looking message as hex (Mesh checkSignature does)', async () => {
    const message = 'deadbeef';
    const asHex = craftDataSignature(key, key.reward.bytes, { payload: Uint8Array.from([0xde, 0xad, 0xbe, 0xef]) });
    const asText = craftDataSignature(key, key.reward.bytes, { payload: utf8ToBytes(message) });
    expect(await checkSignature(message, { key: asHex.publicKey, signature: asHex.signature }, key.reward.bech32)).toBe(true);
    const verify = (ds: typeof asHex) => cardanoVerifier.verify({
      input: { chain: 'cardano', address: key.reward.bech32, message, ...ds }, address: key.reward.bech32, network: 'mainnet',
      message: {} as never, origin: RP.origin, domain: 'walletgate.test', now: new Date(),
    });
    await expect(verify(asHex)).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(verify(asText)).resolves.toBeUndefined();
    // A wallet that signed the hex string's characters instead of its bytes signed another message.
    const hexChars = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: utf8ToBytes(hex(m)) }));
    expect(await verifySignIn(hexChars, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('requires EdDSA and the address in the protected header; accepts the COSE_Sign1 tag', async () => {
    const es256 = new Map<string | number, Uint8Array | number>([[1, -7], ['address', key.reward.bytes]]);
    const noAddress = new Map([[1, -8]]);
    for (const protectedHeader of [es256, noAddress]) {
      const body = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: m, protectedHeader }));
      expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    }
    const tagged = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: m, tag: true }));
    expect(await verifySignIn(tagged, expectAt())).toMatchObject({ ok: true });
  });

  it('refuses script, pointer and Byron addresses with unsupported_address, and bad bech32 with malformed_input', () => {
    const script = Uint8Array.from(key.reward.bytes);
    script[0] = 0xf1; // reward address, script credential
    expect(() => cardanoVerifier.normalizeAddress(hex(script), 'mainnet')).toThrow(expect.objectContaining({ code: 'unsupported_address' }));
    const byron = 'Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAi';
    expect(() => cardanoVerifier.normalizeAddress(byron, 'mainnet')).toThrow(expect.objectContaining({ code: 'malformed_input' }));
    const flipped = key.reward.bech32.slice(0, -1) + (key.reward.bech32.endsWith('q') ? 'p' : 'q');
    expect(() => cardanoVerifier.normalizeAddress(flipped, 'mainnet')).toThrow(expect.objectContaining({ code: 'malformed_input' }));
    const wrongPrefix = key.reward.bech32.replace(/^stake1/, 'addr1');
    expect(() => cardanoVerifier.normalizeAddress(wrongPrefix, 'mainnet')).toThrow(expect.objectContaining({ code: 'malformed_input' }));
    expect(cardanoVerifier.normalizeAddress(key.reward.bech32.toUpperCase(), 'mainnet')).toBe(key.reward.bech32);
  });

  it('turns truncated and garbage COSE into malformed_input, never a throw', async () => {
    const good = signed(key.reward.bech32, (m) => craftDataSignature(key, key.reward.bytes, { payload: m }));
    const garbage = ['', 'zz', 'abc', good.signature.slice(0, -2), good.signature.slice(0, 40), `${good.signature}00`, 'a0', '80',
      '84404040' + '40', 'ff'.repeat(64), '9f' + '00'.repeat(10), '5f41'];
    for (const signature of garbage) {
      const r = await verifySignIn({ ...good, signature }, expectAt());
      expect(r, signature).toMatchObject({ ok: false, code: 'malformed_input' });
    }
    for (const publicKey of ['', 'a0', good.publicKey.slice(0, -2), 'a201010200', '5820' + '00'.repeat(32), undefined]) {
      const r = await verifySignIn({ ...good, publicKey }, expectAt());
      expect(r, String(publicKey)).toMatchObject({ ok: false, code: 'malformed_input' });
    }
    for (const address of ['stake1', 'addr1xyz', '00', 'not an address']) {
      expect(await verifySignIn({ ...good, address }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    }
  });
});
