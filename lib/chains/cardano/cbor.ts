/**
 * A small, strict CBOR (RFC 8949) codec for the COSE structures CIP-8 uses. Only what COSE_Sign1 and COSE_Key need:
 * integers within JS's safe range, byte/text strings, arrays, maps with int/text keys, tags, true/false/null.
 * Decoding is cborg's, strict (see OPTIONS), plus the checks its options cannot express (StrictTokenizer, checkShape):
 * trailing bytes, duplicate map keys, reserved and non-shortest encodings, indefinite lengths, floats, invalid UTF-8,
 * non-int/text map keys and deep nesting all throw CborError.
 */
import { decode, Tokenizer, Type, type DecodeOptions, type Token } from 'cborg';
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
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * cborg in strict mode: shortest-form integers and lengths, no duplicate keys, no indefinite lengths, no undefined,
 * NaN, Infinity or integers beyond 2^53. Only tag 18 (COSE_Sign1) is known; any other tag is refused.
 */
const OPTIONS: DecodeOptions = {
  strict: true,
  useMaps: true,
  rejectDuplicateMapKeys: true,
  allowIndefinite: false,
  allowUndefined: false,
  allowInfinity: false,
  allowNaN: false,
  allowBigInt: false,
  retainStringBytes: true,
  tags: { 18: (inner) => ({ tag: 18, value: inner() as CborValue }) },
};

/** What cborg's options cannot say: no floats, and text must be valid UTF-8 (cborg substitutes U+FFFD). */
class StrictTokenizer extends Tokenizer {
  override next(): Token {
    const token = super.next();
    if (token.type === Type.float) throw new CborError('Floating-point numbers are not accepted.');
    if (token.type === Type.string && token.byteValue) fatalUtf8.decode(token.byteValue);
    return token;
  }
}

/**
 * The options object the tokenizer and cborg's decode share. Built in the key order cborg's decode() merges its
 * defaults in (lib/decode.js decodeFirst), so both objects have one shape: with two shapes, property reads in the
 * tokenizer went megamorphic and decoding ran ~3x slower.
 */
function withTokenizer(bytes: Uint8Array): DecodeOptions {
  const options: DecodeOptions = Object.assign({}, CBORG_DEFAULTS, OPTIONS);
  options.tokenizer = new StrictTokenizer(bytes, options);
  return options;
}
const CBORG_DEFAULTS = { strict: false, allowIndefinite: true, allowUndefined: true, allowBigInt: true };

/** Map keys are integers or text, and nesting stays shallow (cborg accepts any key type and any depth). */
function checkShape(value: CborValue, depth: number): void {
  if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply.');
  if (Array.isArray(value)) for (const item of value) checkShape(item, depth + 1);
  else if (value instanceof Map) {
    for (const [k, v] of value) {
      if (typeof k !== 'number' && typeof k !== 'string') throw new CborError('CBOR map keys must be integers or text.');
      checkShape(v, depth + 1);
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) checkShape(value.value, depth + 1);
}

/** Decodes exactly one CBOR item filling all of `bytes`. Throws CborError (text decoding errors included). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  let value: CborValue;
  try {
    value = decode(bytes, withTokenizer(bytes)) as CborValue;
  } catch (e) {
    throw e instanceof CborError ? e : new CborError(`Invalid CBOR (${e instanceof Error ? e.message.replace(/^CBOR decode error: /, '') : 'unreadable'}).`);
  }
  checkShape(value, 0);
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
