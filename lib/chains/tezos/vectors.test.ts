/** Published (Taquito) and generated (sign-in) Tezos vectors through our verifier; see test/vectors/tezos/README.md. */
import { describe, expect, it } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { isAppError } from '../../errors';
import { RP } from '../../../test/helpers/relying-party';
import taquito from '../../../test/vectors/tezos/taquito-verify-signature.json';
import signIn from '../../../test/vectors/tezos/sign-in.json';
import { checkSignature } from './keys';
import { fromHex } from './micheline';
import { checkClaimedPayload } from './payload';

function outcome(payloadHex: string, publicKey: string, signature: string): string {
  try {
    return checkSignature(fromHex(payloadHex)!, publicKey, signature) ? 'valid' : 'invalid';
  } catch (e) {
    if (isAppError(e) && e.code === 'malformed_input') return 'malformed';
    throw e;
  }
}

describe('Taquito verifySignature vectors', () => {
  it.each(taquito.vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(outcome(v.payload, v.publicKey, v.signature)).toBe(v.expected);
  });

  it('refuses every one of them as a sign-in payload (operation watermark), valid or not', () => {
    const anySignInPayload = new Uint8Array([0x05, 0x01, 0, 0, 0, 1, 0x61]);
    for (const v of taquito.vectors.filter((x) => x.payload !== '')) {
      expect(v.payload.startsWith('03')).toBe(true);
      expect(() => checkClaimedPayload(v.payload, anySignInPayload)).toThrow(/operation/);
    }
  });
});

describe('generated sign-in vectors', () => {
  const x = { ...RP, nonce: signIn.relyingParty.nonce, now: new Date(signIn.relyingParty.now) };

  it('are for the relying party the tests use', () => {
    expect(signIn.relyingParty).toMatchObject({ origin: RP.origin, network: RP.networks.tezos });
  });

  it.each(signIn.vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const body = { chain: 'tezos', address: v.address, message: v.message, signature: v.signature, publicKey: v.publicKey, payload: v.payload };
    const r = await verifySignIn(body, x);
    if (v.expected === 'ok') expect(r).toMatchObject({ ok: true, account: { address: v.address } });
    else expect(r).toMatchObject({ ok: false, code: v.expected });
  });
});
