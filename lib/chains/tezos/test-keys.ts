/** Test-only helpers: real Tezos keys (InMemorySigner over fresh random secrets) and signature re-encoding. */
import { randomBytes } from 'node:crypto';
import { InMemorySigner } from '@taquito/signer';
import { b58DecodeAndCheckPrefix, b58Encode, PrefixV2 } from '@taquito/utils';
import type { Curve } from './keys';

const SECRET_PREFIX: Record<Curve, PrefixV2> = {
  ed25519: PrefixV2.Ed25519Seed,
  secp256k1: PrefixV2.Secp256k1SecretKey,
  p256: PrefixV2.P256SecretKey,
};

export interface TestKey {
  curve: Curve;
  secretKey: string;
  publicKey: string;
  address: string;
  /** The wallet-format (edsig/spsig1/p2sig) signature over the hex payload. */
  sign(payloadHex: string): Promise<string>;
}

export async function testKey(curve: Curve): Promise<TestKey> {
  const secretKey = b58Encode(randomBytes(32), SECRET_PREFIX[curve]);
  const signer = await InMemorySigner.fromSecretKey(secretKey);
  return {
    curve,
    secretKey,
    publicKey: await signer.publicKey(),
    address: await signer.publicKeyHash(),
    sign: async (payloadHex) => (await signer.sign(payloadHex)).prefixSig,
  };
}

const SIGNATURE_PREFIXES = [PrefixV2.Ed25519Signature, PrefixV2.Secp256k1Signature, PrefixV2.P256Signature, PrefixV2.GenericSignature];

export const signatureBytes = (signature: string) => b58DecodeAndCheckPrefix(signature, SIGNATURE_PREFIXES)[0];

/** The same signature bytes under another prefix (e.g. generic `sig…`), with a valid checksum. */
export const reencodeSignature = (signature: string, prefix: PrefixV2) => b58Encode(signatureBytes(signature), prefix);

/** Any bytes under a prefix, with a valid checksum: for wrong-length and flipped-byte cases. */
export const encodeBytes = (bytes: Uint8Array, prefix: PrefixV2) => b58Encode(bytes, prefix);
