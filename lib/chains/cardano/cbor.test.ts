/** The CBOR reader's refusals, one by one (each is a CborError, which the verifier answers with malformed_input). */
import { describe, expect, it } from 'vitest';
import { CborError, decodeCbor, encodeCbor } from './cbor';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
const refuses = (hex: string) => expect(() => decodeCbor(bytes(hex)), hex).toThrow(CborError);

describe('cardano CBOR reader', () => {
  it('reads what COSE_Sign1 and COSE_Key hold, and round-trips our own encoding', () => {
    const value = [bytes('a10127'), new Map<number | string, unknown>([['hashed', false]]), bytes('68656c6c6f'), null, true, -8, 'Signature1'];
    const decoded = decodeCbor(encodeCbor(value as never));
    expect(decoded).toEqual(value);
    expect(decodeCbor(bytes('d2 84 40 a0 40 40'))).toEqual({ tag: 18, value: [new Uint8Array(0), new Map(), new Uint8Array(0), new Uint8Array(0)] });
    expect(decodeCbor(bytes('1b 001fffffffffffff'))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses empty input, truncated items and trailing bytes', () => {
    for (const hex of ['', '58', '5820 00', '82 01', 'a1 01', '01 00', '80 80']) refuses(hex);
  });

  it('refuses duplicate map keys (int and text)', () => {
    refuses('a2 01 01 01 02');
    refuses('a2 6161 01 6161 02');
  });

  it('refuses map keys that are not integers or text', () => {
    refuses('a1 40 01'); // bytes key
    refuses('a1 80 01'); // array key
    refuses('a1 f5 01'); // boolean key
  });

  it('refuses reserved additional information (28–30) and a lone break', () => {
    for (const hex of ['1c', '3d', '5e', '7c', '9d', 'be', 'dc', 'fc', 'ff']) refuses(hex);
  });

  it('refuses integers beyond 2^53 − 1, positive and negative', () => {
    refuses('1b 0020000000000000');
    refuses('3b 0020000000000000');
  });

  it('refuses floats, undefined and other simple values', () => {
    for (const hex of ['f9 c800' /* -8.0 half */, 'fa c1000000', 'fb c020000000000000', 'f7', 'e0', 'f0', 'f8 20']) refuses(hex);
  });

  it('refuses text that is not valid UTF-8', () => {
    refuses('62 c328'); // truncated 2-byte sequence
    refuses('a1 67 61646472657373ff 01'); // "address" with a stray byte as a map key
  });

  it('refuses nesting deeper than 16', () => {
    expect(() => decodeCbor(bytes('81'.repeat(16) + '00'))).not.toThrow();
    refuses('81'.repeat(17) + '00');
    refuses('81'.repeat(40000) + '00'); // no stack overflow escapes as anything but CborError
  });

  it('refuses indefinite-length arrays, maps and text', () => {
    refuses('9f 00 ff');
    refuses('bf 01 01 ff');
    refuses('7f 6161 ff');
  });
});

describe('cardano CBOR reader: strict where the hand-written reader was lenient (cborg strict mode)', () => {
  it('refuses non-shortest integers and lengths', () => {
    refuses('18 01'); // 1 in two bytes
    refuses('39 0007'); // -8 in three bytes
    refuses('58 01 00'); // a 1-byte string with a 1-byte length argument
  });

  it('refuses chunked (indefinite-length) byte strings and tags other than 18 (COSE_Sign1)', () => {
    refuses('5f 41 00 ff');
    refuses('d8 18 40'); // tag 24
    refuses('c2 41 01'); // tag 2 (bignum)
  });
});
