/**
 * A small, strict CBOR (RFC 8949) codec for the COSE structures CIP-8 uses. Only what COSE_Sign1 and COSE_Key need:
 * integers within JS's safe range, byte/text strings, arrays, maps with int/text keys, tags, true/false/null.
 * Decoding refuses trailing bytes, duplicate map keys, reserved encodings and deep nesting: all throw CborError.
 * Chunked (indefinite) byte strings are accepted, as some CBOR writers split long payloads.
 */
export type CborKey = number | string;
export type CborValue = number | string | boolean | null | Uint8Array | CborValue[] | CborMap | CborTag;
export type CborMap = Map<CborKey, CborValue>;
export interface CborTag {
  tag: number;
  value: CborValue;
}

export class CborError extends Error {
  override name = 'CborError';
}

const MAX_DEPTH = 16;
const textDecoder = new TextDecoder('utf-8', { fatal: true });

class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new CborError('CBOR ends early.');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** Reads the argument of an initial byte; null means indefinite length. */
  argument(info: number): number | null {
    if (info < 24) return info;
    if (info === 31) return null;
    if (info > 27) throw new CborError('Reserved CBOR encoding.');
    const size = 1 << (info - 24);
    let value = 0n;
    for (const byte of this.take(size)) value = (value << 8n) | BigInt(byte);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError('CBOR integer too large.');
    return Number(value);
  }
}

function definite(length: number | null): number {
  if (length === null) throw new CborError('Indefinite-length CBOR is only accepted for byte strings.');
  return length;
}

function readChunkedBytes(reader: Reader): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const initial = reader.take(1)[0];
    if (initial === 0xff) break;
    if (initial >> 5 !== 2) throw new CborError('A chunked byte string may only hold byte strings.');
    chunks.push(reader.take(definite(reader.argument(initial & 0x1f))));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.length) - chunk.length);
  return out;
}

function readMap(reader: Reader, length: number, depth: number): CborMap {
  const map: CborMap = new Map();
  for (let i = 0; i < length; i++) {
    const key = readValue(reader, depth + 1);
    if (typeof key !== 'number' && typeof key !== 'string') throw new CborError('CBOR map keys must be integers or text.');
    if (map.has(key)) throw new CborError('Duplicate CBOR map key.');
    map.set(key, readValue(reader, depth + 1));
  }
  return map;
}

function readSimple(info: number): CborValue {
  if (info === 20) return false;
  if (info === 21) return true;
  if (info === 22) return null;
  throw new CborError('Unsupported CBOR simple value.');
}

function readValue(reader: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply.');
  const initial = reader.take(1)[0];
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (major === 7) return readSimple(info);
  const arg = reader.argument(info);
  switch (major) {
    case 0: return definite(arg);
    case 1: return -1 - definite(arg);
    case 2: return arg === null ? readChunkedBytes(reader) : reader.take(arg).slice();
    case 3: return textDecoder.decode(reader.take(definite(arg)));
    case 4: return Array.from({ length: definite(arg) }, () => readValue(reader, depth + 1));
    case 5: return readMap(reader, definite(arg), depth);
    default: return { tag: definite(arg), value: readValue(reader, depth + 1) };
  }
}

/** Decodes exactly one CBOR item filling all of `bytes`. Throws CborError (text decoding errors included). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new Reader(bytes);
  let value: CborValue;
  try {
    value = readValue(reader, 0);
  } catch (e) {
    throw e instanceof CborError ? e : new CborError('Invalid CBOR text string.');
  }
  if (reader.offset !== bytes.length) throw new CborError('Trailing bytes after the CBOR item.');
  return value;
}

// ---------------------------------------------------------------------------------------------
// Encoding (definite lengths, shortest arguments: the deterministic form COSE signers use)
// ---------------------------------------------------------------------------------------------

function head(major: number, arg: number): number[] {
  if (!Number.isSafeInteger(arg) || arg < 0) throw new CborError('Cannot encode this CBOR argument.');
  const m = major << 5;
  if (arg < 24) return [m | arg];
  if (arg < 0x100) return [m | 24, arg];
  if (arg < 0x10000) return [m | 25, arg >> 8, arg & 0xff];
  if (arg < 0x100000000) return [m | 26, (arg >>> 24) & 0xff, (arg >> 16) & 0xff, (arg >> 8) & 0xff, arg & 0xff];
  const big = BigInt(arg);
  return [m | 27, ...Array.from({ length: 8 }, (_, i) => Number((big >> BigInt(8 * (7 - i))) & 0xffn))];
}

function encodeInto(out: number[], value: CborValue): void {
  if (value === false || value === true || value === null) out.push(value === null ? 0xf6 : value ? 0xf5 : 0xf4);
  else if (typeof value === 'number') out.push(...(value < 0 ? head(1, -1 - value) : head(0, value)));
  else if (typeof value === 'string' || value instanceof Uint8Array) {
    const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    out.push(...head(typeof value === 'string' ? 3 : 2, bytes.length));
    for (const byte of bytes) out.push(byte);
  } else if (Array.isArray(value)) {
    out.push(...head(4, value.length));
    for (const item of value) encodeInto(out, item);
  } else if (value instanceof Map) {
    out.push(...head(5, value.size));
    for (const [k, v] of value) { encodeInto(out, k); encodeInto(out, v); }
  } else {
    out.push(...head(6, value.tag));
    encodeInto(out, value.value);
  }
}

export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  encodeInto(out, value);
  return Uint8Array.from(out);
}
