/** verifySignIn fails closed without a nonce check: neither `nonce` nor `consumeNonce` is a type error AND a refusal. */
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { verifySignIn, type SignInExpectations } from '../../lib/auth/core';
import { NOW, RP, signInRequest } from '../helpers/relying-party';

async function signedBody() {
  const account = privateKeyToAccount(generatePrivateKey());
  const { message } = signInRequest('ethereum', account.address);
  return { chain: 'ethereum', address: account.address, message, signature: await account.signMessage({ message }) };
}

describe('verifySignIn requires a nonce check', () => {
  it('refuses at compile time an expectations object with neither nonce nor consumeNonce', () => {
    // @ts-expect-error — neither nonce nor consumeNonce: not a SignInExpectations
    const bad: SignInExpectations = { ...RP, now: NOW };
    expect(bad.origin).toBe(RP.origin);
  });

  it('rejects at run time (untyped callers), with a valid signature, and never consults anything else', async () => {
    const body = await signedBody();
    for (const x of [{ ...RP, now: NOW }, { ...RP, now: NOW, nonce: undefined, consumeNonce: undefined }, { ...RP, now: NOW, nonce: 42 }, { ...RP, now: NOW, consumeNonce: 'yes' }])
      await expect(verifySignIn(body, x as unknown as SignInExpectations)).rejects.toThrow(/pass `nonce`.*or `consumeNonce`/);
  });

  it('the same body verifies with the issued nonce, and with a consumeNonce that spends it once', async () => {
    const body = await signedBody();
    const nonce = 'n0nceAbCdEf0123456789x';
    expect(await verifySignIn(body, { ...RP, now: NOW, nonce })).toMatchObject({ ok: true });
    expect(await verifySignIn(body, { ...RP, now: NOW, nonce: 'otherNonce12345678' })).toMatchObject({ ok: false, code: 'nonce_mismatch' });
    const spent = new Set<string>();
    const consumeNonce = async (n: string) => !spent.has(n) && Boolean(spent.add(n));
    expect(await verifySignIn(body, { ...RP, now: NOW, consumeNonce })).toMatchObject({ ok: true });
    expect(await verifySignIn(body, { ...RP, now: NOW, consumeNonce })).toMatchObject({ ok: false, code: 'nonce_mismatch' });
  });
});
