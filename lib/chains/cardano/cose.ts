/**
 * CIP-8 / CIP-30 DataSignature: COSE_Sign1 (RFC 9052 §4.2) and its COSE_Key, read strictly; plus the writer the demo
 * wallet and the tests use, laid out as CIP-30 wallets write it (protected {1: -8, "address": bytes},
 * unprotected {"hashed": false}, key {1: 1, 3: -8, -1: 6, -2: x}). Browser-safe.
 */
import { decodeCbor, encodeCbor, type CborMap, type CborValue } from './cbor';

export const ALG_EDDSA = -8;
const KTY_OKP = 1;
const CRV_ED25519 = 6;
const COSE_SIGN1_TAG = 18;

export class CoseError extends Error {
  override name = 'CoseError';
}

export interface CoseSign1 {
  /** The protected header exactly as received: the signature covers these bytes, never a re-encoding. */
  protectedBytes: Uint8Array;
  protectedHeader: CborMap;
  unprotectedHeader: CborMap;
  payload: Uint8Array;
  signature: Uint8Array;
}

const isMap = (v: CborValue | undefined): v is CborMap => v instanceof Map;
const isBytes = (v: CborValue | undefined): v is Uint8Array => v instanceof Uint8Array;

export function readCoseSign1(bytes: Uint8Array): CoseSign1 {
  let item = decodeCbor(bytes);
  if (typeof item === 'object' && item !== null && 'tag' in item && item.tag === COSE_SIGN1_TAG) item = item.value;
  if (!Array.isArray(item) || item.length !== 4) throw new CoseError('A COSE_Sign1 is an array of four items.');
  const [protectedBytes, unprotectedHeader, payload, signature] = item;
  if (!isBytes(protectedBytes) || protectedBytes.length === 0) throw new CoseError('The protected header is missing.');
  const protectedHeader = decodeCbor(protectedBytes);
  if (!isMap(protectedHeader)) throw new CoseError('The protected header is not a map.');
  if (!isMap(unprotectedHeader)) throw new CoseError('The unprotected header is not a map.');
  if (!isBytes(payload)) throw new CoseError('The payload is missing (detached payloads are not accepted).');
  if (!isBytes(signature) || signature.length !== 64) throw new CoseError('The signature must be 64 bytes.');
  return { protectedBytes, protectedHeader, unprotectedHeader, payload, signature };
}

/** The Ed25519 public key of a COSE_Key (OKP, Ed25519; alg, when present, EdDSA). */
export function readCoseKey(bytes: Uint8Array): Uint8Array {
  const key = decodeCbor(bytes);
  if (!isMap(key)) throw new CoseError('A COSE_Key is a map.');
  if (key.get(1) !== KTY_OKP) throw new CoseError('The key type must be OKP (1).');
  if (key.get(-1) !== CRV_ED25519) throw new CoseError('The curve must be Ed25519 (6).');
  if (key.has(3) && key.get(3) !== ALG_EDDSA) throw new CoseError('The key algorithm must be EdDSA (-8).');
  const x = key.get(-2);
  if (!isBytes(x) || x.length !== 32) throw new CoseError('The key must hold a 32-byte Ed25519 public key.');
  return x;
}

/** Sig_structure = ["Signature1", protected, external_aad = h'', payload] — the bytes Ed25519 signs. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export interface DataSignatureBytes {
  signature: Uint8Array;
  key: Uint8Array;
}

/** Writes a CIP-30 DataSignature for `payload` signed by `sign` (an Ed25519 signer) on behalf of `address`. */
export async function writeDataSignature(
  payload: Uint8Array,
  address: Uint8Array,
  publicKey: Uint8Array,
  sign: (message: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Promise<DataSignatureBytes> {
  const protectedBytes = encodeCbor(new Map<number | string, CborValue>([[1, ALG_EDDSA], ['address', address]]));
  const signature = await sign(sigStructure(protectedBytes, payload));
  const unprotected = new Map<number | string, CborValue>([['hashed', false]]);
  const key = new Map<number | string, CborValue>([[1, KTY_OKP], [3, ALG_EDDSA], [-1, CRV_ED25519], [-2, publicKey]]);
  return { signature: encodeCbor([protectedBytes, unprotected, payload, signature]), key: encodeCbor(key) };
}
