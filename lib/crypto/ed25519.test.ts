/**
 * verifyEd25519 (native OpenSSL) against @noble/curves strict mode (`zip215: false`), which the Cardano verifier
 * used before. Every case is a real key or a point built with noble's own arithmetic; raw OpenSSL is called too,
 * to show which check is ours and which is OpenSSL's.
 */
import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { SMALL_ORDER_POINTS, verifyEd25519 } from './ed25519';

const Point = ed25519.Point;
const P = (1n << 255n) - 19n;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const le32 = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n));
const fromLe = (b: Uint8Array) => b.reduceRight((n, byte) => (n << 8n) | BigInt(byte), 0n);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const noble = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array) => ed25519.verify(sig, msg, pk, { zip215: false });
const openssl = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array) => {
  const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pk]), format: 'der', type: 'spki' });
  return nodeVerify(null, msg, key, sig);
};

const secret = ed25519.utils.randomSecretKey();
const publicKey = ed25519.getPublicKey(secret);
const message = new TextEncoder().encode('walletgate wants you to sign in');
const signature = ed25519.sign(message, secret);
// An order-8 point; its multiples are the whole small-order subgroup.
const T8 = Point.fromBytes(hexToBytes('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'));

describe('verifyEd25519 accepts what RFC 8032 signers make', () => {
  it('RFC 8032 §7.1 test 1 (known answer)', () => {
    const pk = hexToBytes('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = hexToBytes(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(verifyEd25519(sig, new Uint8Array(0), pk)).toBe(true);
    expect(verifyEd25519(sig, new Uint8Array([0]), pk)).toBe(false);
  });

  it('a @noble signature and a Node/OpenSSL signature', () => {
    expect(verifyEd25519(signature, message, publicKey)).toBe(true);
    const pair = generateKeyPairSync('ed25519');
    const raw = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    expect(verifyEd25519(nodeSign(null, message, pair.privateKey), message, raw)).toBe(true);
  });
});

describe('verifyEd25519 refuses', () => {
  it('a flipped bit in R, in S, or in the message; another key', () => {
    for (const i of [0, 31, 32, 63]) {
      const bad = Uint8Array.from(signature);
      bad[i] ^= 1;
      expect(verifyEd25519(bad, message, publicKey), `byte ${i}`).toBe(false);
    }
    expect(verifyEd25519(signature, concatBytes(message, new Uint8Array([0])), publicKey)).toBe(false);
    expect(verifyEd25519(signature, message, ed25519.getPublicKey(ed25519.utils.randomSecretKey()))).toBe(false);
  });

  it('malformed lengths and a key that is not a curve point, without throwing', () => {
    for (const n of [0, 63, 65]) expect(verifyEd25519(new Uint8Array(n), message, publicKey)).toBe(false);
    for (const n of [0, 31, 33]) expect(verifyEd25519(signature, message, new Uint8Array(n))).toBe(false);
    let notOnCurve = le32(2n); // y = 2: (y² - 1)/(dy² + 1) is not a square
    expect(() => Point.fromBytes(notOnCurve)).toThrow();
    expect(verifyEd25519(signature, message, notOnCurve)).toBe(false);
    notOnCurve = hexToBytes('ff'.repeat(32));
    expect(verifyEd25519(signature, message, notOnCurve)).toBe(false);
  });

  it('S >= L (S + L is the same scalar): refused here, by noble strict and by OpenSSL itself', () => {
    const malleated = Uint8Array.from(signature);
    malleated.set(le32(fromLe(signature.subarray(32)) + L), 32);
    expect(verifyEd25519(malleated, message, publicKey)).toBe(false);
    expect(noble(malleated, message, publicKey)).toBe(false);
    expect(openssl(malleated, message, publicKey)).toBe(false);
  });
});

describe('strictness equals @noble zip215:false where OpenSSL alone is looser', () => {
  // With A = identity, R = sB verifies for every message under a cofactorless check.
  const s = 123456789n;
  const universal = concatBytes(Point.BASE.multiply(s).toBytes(), le32(s));
  const identity = Point.ZERO.toBytes();

  it('the small-order list is exactly the 8-torsion subgroup (computed with noble)', () => {
    const torsion = new Set(Array.from({ length: 8 }, (_, i) => hex((i === 0 ? Point.ZERO : T8.multiply(BigInt(i))).toBytes())));
    expect(torsion).toEqual(SMALL_ORDER_POINTS);
    for (const h of SMALL_ORDER_POINTS) expect(Point.fromBytes(hexToBytes(h)).isSmallOrder()).toBe(true);
  });

  it('small-order public key: the "any message" signature is refused (raw OpenSSL accepts it)', () => {
    expect(openssl(universal, message, identity)).toBe(true);
    expect(noble(universal, message, identity)).toBe(false);
    expect(verifyEd25519(universal, message, identity)).toBe(false);
    for (const h of SMALL_ORDER_POINTS) expect(verifyEd25519(universal, message, hexToBytes(h))).toBe(false);
  });

  it('non-canonical public key (y >= p, or x = 0 with the sign bit): refused (raw OpenSSL accepts y = 1 + p)', () => {
    const onePlusP = le32(1n + P);
    expect(openssl(universal, message, onePlusP)).toBe(true);
    expect(noble(universal, message, onePlusP)).toBe(false);
    expect(verifyEd25519(universal, message, onePlusP)).toBe(false);
    const negativeZero = Uint8Array.from(identity);
    negativeZero[31] |= 0x80;
    expect(noble(universal, message, negativeZero)).toBe(false);
    expect(verifyEd25519(universal, message, negativeZero)).toBe(false);
  });

  it('non-canonical R: OpenSSL compares the canonical re-encoding, so it refuses y = 1 + p where y = 1 passes', () => {
    const zeroS = new Uint8Array(32); // s = 0 with A = identity: sB - kA = identity for any k
    expect(openssl(concatBytes(identity, zeroS), message, identity)).toBe(true);
    expect(openssl(concatBytes(le32(1n + P), zeroS), message, identity)).toBe(false);
    expect(verifyEd25519(concatBytes(le32(1n + P), zeroS), message, publicKey)).toBe(false);
    expect(noble(concatBytes(le32(1n + P), zeroS), message, publicKey)).toBe(false);
  });

  it('DIFFERENCE (stricter): R with a small-order component passes noble (cofactored) and is refused here', () => {
    const { scalar } = ed25519.utils.getExtendedPublicKey(secret);
    const r = 987654321n;
    const R = Point.BASE.multiply(r).add(T8).toBytes();
    const k = fromLe(sha512(concatBytes(R, publicKey, message))) % L;
    const torsioned = concatBytes(R, le32((r + k * scalar) % L));
    expect(noble(torsioned, message, publicKey)).toBe(true);
    expect(openssl(torsioned, message, publicKey)).toBe(false);
    expect(verifyEd25519(torsioned, message, publicKey)).toBe(false);
  });
});
