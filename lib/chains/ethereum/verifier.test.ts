import { describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { verifySignIn } from '../../auth/core';
import { NOW, RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';

const account = privateKeyToAccount(generatePrivateKey());
const other = privateKeyToAccount(generatePrivateKey());

async function signed(opts: Parameters<typeof signInRequest>[2] = {}, signer = account) {
  const req = signInRequest('ethereum', account.address.toLowerCase(), opts);
  const signature = await signer.signMessage({ message: req.message });
  return { req, body: { chain: 'ethereum', address: account.address, message: req.message, signature } };
}

describe('ethereum verifier (EIP-191 over EIP-4361)', () => {
  it('writes exactly the EIP-4361 text viem writes', async () => {
    const { req } = await signed();
    const viemText = createSiweMessage({
      domain: 'walletgate.test', address: account.address, statement: 'Sign in to walletgate with this wallet.',
      uri: 'https://walletgate.test', version: '1', chainId: 1, nonce: 'n0nceAbCdEf0123456789x',
      issuedAt: NOW, expirationTime: new Date(NOW.getTime() + 300_000), resources: ['urn:walletgate:sign-in'],
    });
    expect(req.message).toBe(viemText);
    expect(req.address).toBe(account.address); // checksummed
  });

  it('accepts a real personal_sign signature', async () => {
    const { body } = await signed();
    const r = await verifySignIn(body, expectAt());
    expect(r).toMatchObject({ ok: true, account: { chain: 'ethereum', address: account.address, caip10: `eip155:1:${account.address}` } });
  });

  it('accepts the address in any case', async () => {
    const { body } = await signed();
    expect((await verifySignIn({ ...body, address: account.address.toLowerCase() }, expectAt())).ok).toBe(true);
  });

  it('rejects a signature by another key', async () => {
    const { body } = await signed({}, other);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects one changed character of the message', async () => {
    const { body } = await signed();
    const message = body.message.replace('Sign in to', 'Sign in To');
    expect(await verifySignIn({ ...body, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects the 64-byte compact form of a valid signature', async () => {
    const { body } = await signed();
    const { serializeCompactSignature, parseSignature, signatureToCompactSignature } = await import('viem');
    const compact = serializeCompactSignature(signatureToCompactSignature(parseSignature(body.signature as `0x${string}`)));
    expect(await verifySignIn({ ...body, signature: compact }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('rejects a message for another chain id', async () => {
    const { body } = await signed({ rp: { ...RP, networks: { ...RP.networks, ethereum: 137 } } });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
  });

  it('rejects a message for another domain', async () => {
    const { body } = await signed({ rp: { ...RP, origin: 'https://evil.test' } });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });

  it('rejects an expired and a not-yet-valid message', async () => {
    const { body } = await signed();
    const later = new Date(NOW.getTime() + 6 * 60_000);
    const earlier = new Date(NOW.getTime() - 60_000);
    expect(await verifySignIn(body, expectAt(undefined, RP, later))).toMatchObject({ ok: false, code: 'expired' });
    expect(await verifySignIn(body, expectAt(undefined, RP, earlier))).toMatchObject({ ok: false, code: 'not_yet_valid' });
  });

  it('rejects a body address that differs from the message address', async () => {
    const { body } = await signed();
    expect(await verifySignIn({ ...body, address: other.address }, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects garbage without throwing', async () => {
    for (const signature of ['0x', 'zz', '0x1234', `0x${'00'.repeat(65)}`, '0xabc']) {
      const { body } = await signed();
      const r = await verifySignIn({ ...body, signature }, expectAt());
      expect(r.ok).toBe(false);
    }
    expect(await verifySignIn({ chain: 'ethereum' }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    expect(await verifySignIn(null, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });
});
