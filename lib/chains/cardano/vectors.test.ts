/**
 * Published CIP-30 DataSignature vectors (test/vectors/cardano/README.md names each source) through the verifier.
 * Their messages are not sign-in texts, so the verifier's `verify` is called directly: the same COSE, key-binding,
 * payload and Ed25519 checks verifySignIn runs after the message checks. Where our policy is stricter than the
 * source's verifier, the vector says so (`note`) and we assert our outcome.
 */
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import vectors from '../../../test/vectors/cardano/datasignatures.json';
import { RP } from '../../../test/helpers/relying-party';
import { readCoseSign1, sigStructure } from './cose';
import { cardanoVerifier } from './verifier';
import type { CardanoNetwork } from './address';

type Vector = (typeof vectors.dataSignatures)[number];

async function outcome(v: Vector): Promise<string> {
  const network = v.network as CardanoNetwork;
  try {
    const address = cardanoVerifier.normalizeAddress(v.address, network);
    await cardanoVerifier.verify({
      input: { chain: 'cardano', address, message: v.message, signature: v.signature, publicKey: v.key },
      address, network, message: {} as never, origin: RP.origin, domain: new URL(RP.origin).host, now: new Date(),
    });
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `threw ${String(e)}`;
  }
}

describe('cardano published DataSignature vectors', () => {
  it.each(vectors.dataSignatures.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    expect(await outcome(v)).toBe(v.expected);
    if (v.upstream !== (v.expected === 'ok')) expect(v.note).toMatch(/^STRICTER/);
  });

  it("builds Mesh's published Sig_structure byte for byte", () => {
    const sign1 = readCoseSign1(hexToBytes(vectors.sigStructure.signature));
    expect(Buffer.from(sigStructure(sign1.protectedBytes, sign1.payload)).toString('hex')).toBe(vectors.sigStructure.sigStructure);
  });
});
