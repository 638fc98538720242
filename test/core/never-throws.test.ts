/**
 * verifySignIn never throws and never answers a 5xx code on bad input. For each chain, a few hundred inputs made
 * from a real signed answer (taken from the docs examples): random strings, wrong types, huge strings, truncated
 * signatures and keys, flipped characters, fields swapped in from the other chains. Seeded, so failures replay.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignIn, type SignInExpectations } from '../../lib/auth/core';
import { CHAIN_IDS, type ChainId } from '../../lib/chains/types';
import { ERROR_STATUS } from '../../lib/errors';
import { rp, type Tamper } from '../../docs/examples/relying-party';

type Body = Record<string, unknown>;
const EXAMPLES: Record<ChainId, () => Promise<{ example: (t?: Tamper) => Promise<unknown> }>> = {
  ethereum: () => import('../../docs/examples/ethereum'),
  cardano: () => import('../../docs/examples/cardano'),
  near: () => import('../../docs/examples/near'),
  tezos: () => import('../../docs/examples/tezos'),
  ergo: () => import('../../docs/examples/ergo'),
};
const INPUTS_PER_CHAIN = 300;
/** The fields each verifier reads; a changed field it does not read may still verify. */
const READS: Record<ChainId, string[]> = {
  ethereum: ['chain', 'address', 'message', 'signature'],
  cardano: ['chain', 'address', 'message', 'signature', 'publicKey'],
  near: ['chain', 'address', 'message', 'signature', 'publicKey'],
  tezos: ['chain', 'address', 'message', 'signature', 'publicKey', 'payload'],
  ergo: ['chain', 'address', 'message', 'signature', 'form'],
};
/** A field as the verifier reads it: Ergo's form defaults to sign_data; an Ethereum address is case-insensitive
 * (the contract accepts any case and stores the checksummed form), so flipping 'A' to 'a' is not a change. */
function readField(chain: ChainId, body: Body, field: string): unknown {
  if (chain === 'ergo' && field === 'form') return body.form ?? 'sign_data';
  const value = body[field];
  return chain === 'ethereum' && field === 'address' && typeof value === 'string' ? value.toLowerCase() : value;
}
const FIELDS = ['chain', 'address', 'message', 'signature', 'publicKey', 'form', 'signedMessage', 'payload'];
const ALPHABETS = ['0123456789abcdef', 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789', 'A-Za-z0-9+/=:;.\n\r\t \0', 'éß中😀\u2028\u202e'];

/** mulberry32: small seeded PRNG. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function garbageMaker(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const text = (length = int(200)) => {
    const alphabet = pick(ALPHABETS);
    return Array.from({ length }, () => alphabet[int(alphabet.length)]).join('');
  };
  const wrongType = () => pick<unknown>([null, undefined, 0, -1, 1e308, NaN, true, [], ['x'], {}, { toString: 1 }, () => 1, Symbol('s'), 10n]);
  const flip = (s: string) => {
    if (s.length === 0) return 'x';
    const i = int(s.length);
    return s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
  };
  return { int, pick, text, wrongType, flip };
}

/** One bad input derived from `valid` (this chain's real answer) and `others` (the other chains' answers). */
function mutate(valid: Body, others: Body[], g: ReturnType<typeof garbageMaker>): unknown {
  const field = g.pick(FIELDS);
  const value = valid[field];
  switch (g.int(9)) {
    case 0: return { ...valid, [field]: g.text() };
    case 1: return { ...valid, [field]: g.wrongType() };
    case 2: return { ...valid, [field]: g.text(70_000) }; // over every limit
    case 3: return { ...valid, signature: String(valid.signature).slice(0, g.int(String(valid.signature).length)) };
    case 4: return { ...valid, publicKey: valid.publicKey === undefined ? g.text(64) : String(valid.publicKey).slice(0, -1 - g.int(8)) };
    case 5: return { ...valid, [field]: typeof value === 'string' ? g.flip(value) : g.text(8) };
    case 6: { const other = g.pick(others); return { ...valid, signature: other.signature, publicKey: other.publicKey, [field]: other[field] }; }
    case 7: return { ...g.pick(others), chain: valid.chain }; // another chain's whole answer, relabelled
    default: return g.pick<unknown>([null, 'x', 42, [], [valid], g.text(), { chain: valid.chain }, { ...valid, message: '' }]);
  }
}

describe('verifySignIn never throws and never answers 5xx (no rpc given)', () => {
  const valid = {} as Record<ChainId, Body>;
  // No rpc: `unavailable` must not appear. Every nonce is accepted here: this suite is about reading input.
  const expectations: SignInExpectations = { ...rp, consumeNonce: async () => true };

  beforeAll(async () => {
    for (const chain of CHAIN_IDS) await (await EXAMPLES[chain]()).example((b) => (valid[chain] = b));
  });

  it('starts from answers that verify', async () => {
    for (const chain of CHAIN_IDS) expect(await verifySignIn(valid[chain], expectations)).toMatchObject({ ok: true });
  });

  for (const [index, chain] of CHAIN_IDS.entries())
    it(`${chain}: ${INPUTS_PER_CHAIN} garbage inputs`, async () => {
      const g = garbageMaker(prng(0x5eed + index));
      const others = CHAIN_IDS.filter((c) => c !== chain).map((c) => valid[c]);
      const problems: string[] = [];
      const codes = new Map<string, number>();
      for (let i = 0; i < INPUTS_PER_CHAIN; i++) {
        const input = mutate(valid[chain], others, g);
        try {
          const r = await verifySignIn(input, expectations);
          if (r.ok) {
            // Only a change to a field this chain does not read may verify.
            const changed = READS[chain].filter((f) => readField(chain, input as Body, f) !== readField(chain, valid[chain], f));
            if (changed.length > 0) problems.push(`#${i}: ok: true with ${changed.join(', ')} changed`);
            continue;
          }
          codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
          if (!(r.code in ERROR_STATUS) || ERROR_STATUS[r.code] >= 500) problems.push(`#${i}: ${r.code}`);
        } catch (e) {
          problems.push(`#${i} threw: ${(e as Error)?.message ?? e}`);
        }
      }
      expect(problems).toEqual([]);
      expect(codes.get('malformed_input')).toBeGreaterThan(0);
      expect([...codes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(INPUTS_PER_CHAIN / 2);
    });
});
