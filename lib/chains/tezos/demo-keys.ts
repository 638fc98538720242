/**
 * Light Tezos key handling for the demo wallet (browser-safe): @noble curves + Base58Check with Tezos prefixes,
 * instead of @taquito/signer's larger bundle. Signing is what every Tezos wallet does for a payload:
 * Blake2b-256 of the bytes, then ed25519 / ECDSA (secp256k1, p256; low-S, 64-byte r‖s) over that digest.
 * demo-wallet.test.ts checks keys, addresses and signatures against @taquito/signer and the verifier.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import type { Curve } from './keys';

const b58check = createBase58check(sha256);

interface CurveFormat {
  secret: number[];
  publicKey: number[];
  address: number[];
  signature: number[];
}

// Tezos Base58Check prefixes (octez src/lib_crypto/base58.ml): edsk (seed), edpk, tz1, edsig; spsk, sppk, tz2, spsig1; p2sk, p2pk, tz3, p2sig.
const FORMATS: Record<Curve, CurveFormat> = {
  ed25519: { secret: [13, 15, 58, 7], publicKey: [13, 15, 37, 217], address: [6, 161, 159], signature: [9, 245, 205, 134, 18] },
  secp256k1: { secret: [17, 162, 224, 201], publicKey: [3, 254, 226, 86], address: [6, 161, 161], signature: [13, 115, 101, 19, 63] },
  p256: { secret: [16, 81, 238, 189], publicKey: [3, 178, 139, 127], address: [6, 161, 164], signature: [54, 240, 44, 52] },
};

const SECRET_BYTES = 32;
const ADDRESS_HASH_BYTES = 20;
const DIGEST_BYTES = 32;

const encode = (prefix: number[], bytes: Uint8Array) => b58check.encode(Uint8Array.from([...prefix, ...bytes]));

export interface DemoKey {
  curve: Curve;
  /** edsk…/spsk…/p2sk… (unencrypted), what localStorage keeps. */
  secretKey: string;
  publicKey: string;
  address: string;
  /** Signs the payload bytes (hex) the way Tezos wallets do; returns edsig…/spsig1…/p2sig…. */
  sign(payloadHex: string): string;
}

function publicKeyBytes(curve: Curve, secret: Uint8Array): Uint8Array {
  if (curve === 'ed25519') return ed25519.getPublicKey(secret);
  return (curve === 'secp256k1' ? secp256k1 : p256).getPublicKey(secret, true);
}

function signDigest(curve: Curve, digest: Uint8Array, secret: Uint8Array): Uint8Array {
  if (curve === 'ed25519') return ed25519.sign(digest, secret);
  return (curve === 'secp256k1' ? secp256k1 : p256).sign(digest, secret, { prehash: false, lowS: true });
}

function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error('The payload to sign must be hex.');
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

function keyFromSecret(curve: Curve, secret: Uint8Array): DemoKey {
  const format = FORMATS[curve];
  const publicKey = publicKeyBytes(curve, secret);
  return {
    curve,
    secretKey: encode(format.secret, secret),
    publicKey: encode(format.publicKey, publicKey),
    address: encode(format.address, blake2b(publicKey, { dkLen: ADDRESS_HASH_BYTES })),
    sign: (payloadHex) =>
      encode(format.signature, signDigest(curve, blake2b(hexToBytes(payloadHex), { dkLen: DIGEST_BYTES }), secret)),
  };
}

/** A fresh key from the platform's CSPRNG (crypto.getRandomValues through noble). */
export function generateDemoKey(curve: Curve = 'ed25519'): DemoKey {
  const secret =
    curve === 'ed25519' ? ed25519.utils.randomSecretKey() : (curve === 'secp256k1' ? secp256k1 : p256).utils.randomSecretKey();
  return keyFromSecret(curve, secret);
}

/** Reads a stored edsk…/spsk…/p2sk… secret; null when it is not one (the caller makes a new key). */
export function demoKeyFromSecret(secretKey: string): DemoKey | null {
  let decoded: Uint8Array;
  try {
    decoded = b58check.decode(secretKey);
  } catch {
    return null;
  }
  for (const [curve, format] of Object.entries(FORMATS) as [Curve, CurveFormat][]) {
    const prefix = format.secret;
    if (decoded.length === prefix.length + SECRET_BYTES && prefix.every((byte, i) => decoded[i] === byte))
      return keyFromSecret(curve, decoded.slice(prefix.length));
  }
  return null;
}
