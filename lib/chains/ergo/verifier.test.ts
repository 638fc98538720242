import { describe, expect, it } from 'vitest';
import { ErgoMessage } from '@fleet-sdk/core';
import { verifySignIn } from '../../auth/core';
import { NOW, RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { ergoMessageBytes, utf8 } from './layouts';
import { encodeAddress, newTestKey, type TestKey } from './test-keys';

const key = newTestKey();
const other = newTestKey();
const TESTNET_RP = { ...RP, networks: { ...RP.networks, ergo: 'testnet' as const } };
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function request(address = key.mainnet, rp = RP) {
  return signInRequest('ergo', address, { rp });
}

function signDataBody(layout: 'raw' | 'hash' | 'hash-testnet', signer: TestKey = key, address = key.mainnet, rp = RP) {
  const { message } = request(address, rp);
  const bytes = layout === 'raw' ? utf8(message) : ergoMessageBytes(message, layout === 'hash' ? 0x00 : 0x10);
  return { chain: 'ergo', address, message, signature: signer.sign(bytes), form: 'sign_data' };
}

function authBody(tail: { origin?: string; time?: number; random?: string; message?: string } = {}, signer = key) {
  const { message } = request();
  const signedMessage = `${tail.message ?? message};${tail.origin ?? 'walletgate.test'};${tail.time ?? seconds(NOW) + 5};${tail.random ?? 'ab'.repeat(32)}`;
  return { chain: 'ergo', address: key.mainnet, message, signature: signer.sign(utf8(signedMessage)), form: 'auth', signedMessage };
}

describe('ergo verifier: accepted layouts', () => {
  it('writes the CAIP-122 text for ergo:mainnet with empty signing params', () => {
    const req = request();
    expect(req.message).toContain('wants you to sign in with your Ergo account:\n' + key.mainnet);
    expect(req.message).toContain('Chain ID: mainnet');
    expect(req.signing).toEqual({});
  });

  it('accepts sign_data over the raw UTF-8 message', async () => {
    expect(await verifySignIn(signDataBody('raw'), expectAt())).toMatchObject({
      ok: true, account: { chain: 'ergo', address: key.mainnet, caip10: `ergo:mainnet:${key.mainnet}` },
    });
  });

  it('accepts sign_data over the ErgoMessage hash, byte-for-byte what Fleet serialises', async () => {
    const { message } = request();
    expect(Buffer.from(ergoMessageBytes(message, 0)).toString('hex')).toBe(Buffer.from(ErgoMessage.fromData(message).serialize().toBytes()).toString('hex'));
    expect((await verifySignIn(signDataBody('hash'), expectAt())).ok).toBe(true);
  });

  it('needs no form field for sign_data', async () => {
    const { form: _form, ...body } = signDataBody('hash');
    expect((await verifySignIn(body, expectAt())).ok).toBe(true);
  });

  it('accepts both ErgoMessage network bytes on testnet, only 0x00 on mainnet', async () => {
    const at = expectAt(undefined, TESTNET_RP);
    expect((await verifySignIn(signDataBody('hash', key, key.testnet, TESTNET_RP), at)).ok).toBe(true);
    expect((await verifySignIn(signDataBody('hash-testnet', key, key.testnet, TESTNET_RP), at)).ok).toBe(true);
    expect(await verifySignIn(signDataBody('hash-testnet'), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('accepts EIP-28 auth over "<message>;<host>;<time>;<random>" (hex and UUID randoms)', async () => {
    expect((await verifySignIn(authBody(), expectAt())).ok).toBe(true);
    expect((await verifySignIn(authBody({ random: crypto.randomUUID() }), expectAt())).ok).toBe(true);
  });
});

describe('ergo verifier: rejections', () => {
  it('rejects a proof by another key', async () => {
    expect(await verifySignIn(signDataBody('raw', other), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn(authBody({}, other), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects the address of another key (message and body name it, our key signed)', async () => {
    expect(await verifySignIn(signDataBody('hash', key, other.mainnet), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a testnet address on mainnet and a mainnet address on testnet', async () => {
    const body = signDataBody('raw');
    expect(await verifySignIn({ ...body, address: key.testnet }, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(() => request(key.testnet)).toThrow(/mainnet/);
    expect(await verifySignIn(body, expectAt(undefined, TESTNET_RP))).toMatchObject({ ok: false, code: 'wrong_network' });
  });

  it('rejects a changed message in every layout', async () => {
    for (const body of [signDataBody('raw'), signDataBody('hash'), authBody()]) {
      const message = body.message.replace('Sign in to', 'Sign in To');
      expect(await verifySignIn({ ...body, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    }
  });

  it('rejects a sign_data proof sent as auth and an auth proof sent as sign_data', async () => {
    const auth = authBody();
    expect(await verifySignIn({ ...auth, form: 'sign_data' }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const raw = signDataBody('raw');
    expect(await verifySignIn({ ...raw, form: 'auth', signedMessage: auth.signedMessage }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects auth with the wrong origin, a full origin URL, another message, or a stale or future time', async () => {
    const cases: [Parameters<typeof authBody>[0], string][] = [
      [{ origin: 'evil.test' }, 'domain_mismatch'],
      [{ origin: 'https://walletgate.test' }, 'domain_mismatch'],
      [{ message: 'Sign in to walletgate' }, 'invalid_signature'],
      [{ time: seconds(NOW) - 3600 }, 'invalid_message'],
      [{ time: seconds(NOW) + 301 }, 'expired'],
      [{ time: seconds(NOW) + 120 }, 'not_yet_valid'],
      [{ random: '' }, 'malformed_input'],
      [{ random: 'x'.repeat(129) }, 'malformed_input'],
      [{ random: 'a;b' }, 'malformed_input'],
    ];
    for (const [tail, code] of cases) expect(await verifySignIn(authBody(tail), expectAt()), JSON.stringify(tail)).toMatchObject({ ok: false, code });
  });

  it('rejects auth without signedMessage and an unknown form', async () => {
    const { signedMessage: _s, ...noText } = authBody();
    expect(await verifySignIn(noText, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    expect(await verifySignIn({ ...signDataBody('raw'), form: 'sign' }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('rejects a truncated or padded proof as malformed', async () => {
    const body = signDataBody('raw');
    for (const signature of [body.signature.slice(0, 110), body.signature.slice(0, 64), `${body.signature}00`])
      expect(await verifySignIn({ ...body, signature }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('rejects P2S and P2SH addresses with a clear message', async () => {
    const p2s = encodeAddress(0x03, Uint8Array.from([0x10, 0x01, 0x04, 0x02, 0xd1, 0x73, 0x00]));
    const p2sh = encodeAddress(0x02, new Uint8Array(24).fill(7));
    for (const address of [p2s, p2sh]) {
      const r = await verifySignIn({ ...signDataBody('raw'), address }, expectAt());
      expect(r).toMatchObject({ ok: false, code: 'malformed_input' });
      expect(r.ok === false && r.message).toMatch(/P2PK/);
    }
  });

  it('rejects garbage without throwing', async () => {
    const body = signDataBody('raw');
    const badProofs = ['', 'zz', '0x', 'abc', '00'.repeat(56), 'ff'.repeat(56), 'g'.repeat(112), `0x${'1'.repeat(111)}`];
    for (const signature of badProofs) expect((await verifySignIn({ ...body, signature }, expectAt())).ok).toBe(false);
    expect(await verifySignIn({ ...body, signature: '00'.repeat(56) }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const pointless = encodeAddress(0x01, Uint8Array.from([0x05, ...new Uint8Array(32)]));
    const badAddresses = ['', '9', 'O0Il', key.mainnet.slice(0, -1), `${key.mainnet}x`, pointless, encodeAddress(0x21, new Uint8Array(33)), '😀'.repeat(40)];
    for (const address of badAddresses) {
      const r = await verifySignIn({ ...body, address }, expectAt());
      expect(r, address).toMatchObject({ ok: false, code: 'malformed_input' });
    }
    for (const form of [1, null, {}, ['auth']]) expect((await verifySignIn({ ...body, form }, expectAt())).ok).toBe(false);
    expect((await verifySignIn({ ...authBody(), signedMessage: 42 }, expectAt())).ok).toBe(false);
    expect(await verifySignIn(null, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });
});
