/** isSecp256k1Point against @noble/curves' own decoder, on real keys and on bytes that are not points. */
import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { isSecp256k1Point } from './secp256k1';

const noble = (bytes: Uint8Array) => {
  try {
    secp256k1.Point.fromBytes(bytes).assertValidity();
    return true;
  } catch {
    return false;
  }
};
const P = 2n ** 256n - 2n ** 32n - 977n;
const be32 = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * (31 - i))) & 255n));

describe('isSecp256k1Point', () => {
  it('accepts real compressed and uncompressed keys', () => {
    for (let i = 0; i < 10; i++) {
      const secret = secp256k1.utils.randomSecretKey();
      expect(isSecp256k1Point(secp256k1.getPublicKey(secret, true))).toBe(true);
      expect(isSecp256k1Point(secp256k1.getPublicKey(secret, false))).toBe(true);
    }
  });

  it('agrees with noble on random x coordinates (about half are not on the curve)', () => {
    let off = 0;
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(33);
      crypto.getRandomValues(bytes);
      bytes[0] = 2 + (i % 2);
      const ours = isSecp256k1Point(bytes);
      expect(ours, Buffer.from(bytes).toString('hex')).toBe(noble(bytes));
      if (!ours) off++;
    }
    expect(off).toBeGreaterThan(50);
  });

  it('refuses other prefix bytes (incl. hybrid 06/07), wrong lengths, x >= p, and an uncompressed point off the curve', () => {
    const secret = secp256k1.utils.randomSecretKey();
    const good = secp256k1.getPublicKey(secret, true);
    for (const prefix of [0x00, 0x01, 0x04, 0x05]) expect(isSecp256k1Point(Uint8Array.of(prefix, ...good.subarray(1)))).toBe(false);
    const full = secp256k1.getPublicKey(secret, false);
    for (const prefix of [0x06, 0x07]) expect(isSecp256k1Point(Uint8Array.of(prefix, ...full.subarray(1)))).toBe(false);
    for (const n of [0, 1, 32, 34, 64, 66]) expect(isSecp256k1Point(new Uint8Array(n).fill(2))).toBe(false);
    // x + p encodes the same residue as a valid x when it fits in 32 bytes: both sides must refuse it
    for (let x = 1n; x < 40n; x++) {
      const wrapped = Uint8Array.of(0x02, ...be32(x + P));
      if (x + P < 2n ** 256n) {
        expect(noble(wrapped)).toBe(false);
        expect(isSecp256k1Point(wrapped)).toBe(false);
      }
    }
    const offCurve = Uint8Array.from(full);
    offCurve[64] ^= 1;
    expect(isSecp256k1Point(offCurve)).toBe(false);
  });
});

describe('isSecp256k1Point memo', () => {
  it('answers the same for a key seen before, and stays bounded (more keys than it keeps still answer right)', () => {
    const keys = Array.from({ length: 4100 }, () => secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true));
    for (const k of keys) expect(isSecp256k1Point(k)).toBe(true);
    for (const k of keys.slice(0, 10)) expect(isSecp256k1Point(k)).toBe(true); // evicted ones are checked again
    const off = Uint8Array.of(0x02, ...new Uint8Array(32).fill(0xff));
    expect(isSecp256k1Point(off)).toBe(false);
    expect(isSecp256k1Point(off)).toBe(false);
  });
});
