/**
 * ErgoAuth text rules and the verifier's "ergoauth" form. Signed texts are laid out as the Ergo Wallet app builds them
 * (ergoplatform/ergo-wallet-app common-jvm/src/main/java/org/ergoplatform/uilogic/ergoauth/ErgoAuthUiLogic.kt,
 * startResponse: 20 random + signingMessage + requestHost + 20 random), proofs made with ergo-lib-wasm-nodejs.
 */
import { describe, expect, it } from 'vitest';
import * as ergo from 'ergo-lib-wasm-nodejs';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { parseP2pkAddress } from './address';
import { ergoAuthSigningMessage, ergoAuthUri, isLocalOrIpHost, walletRequestHost } from './ergoauth';
import { ergoAuthReason } from './ergoauth-text';
import { utf8 } from './layouts';
import { newTestKey } from './test-keys';
import { sigmaBooleanAddress } from './test-mobile-wallet';

const key = newTestKey();
const other = newTestKey();
const random20 = () => Array.from({ length: 20 }, (_, i) => 'aZ09'[i % 4]).join('');

function body(o: { signer?: typeof key; host?: string; prefix?: string; suffix?: string; signing?: string; twice?: boolean } = {}) {
  const req = signInRequest('ergo', key.mainnet);
  const signing = o.signing ?? ergoAuthSigningMessage(ergoAuthReason(req.parsed), req.message);
  const core = o.twice ? signing + signing : signing;
  const signedMessage = (o.prefix ?? random20()) + core + (o.host ?? 'https://walletgate.test') + (o.suffix ?? random20());
  return { chain: 'ergo', address: key.mainnet, message: req.message, signature: (o.signer ?? key).sign(utf8(signedMessage)), form: 'ergoauth', signedMessage };
}

describe('ErgoAuth origin rule (the wallet app: http only for localhost or an IPv4 address)', () => {
  it('says what host the wallet fetches from and writes, or null when it cannot reach the app', () => {
    expect(walletRequestHost('https://walletgate.test')).toBe('https://walletgate.test');
    expect(walletRequestHost('http://localhost:3500')).toBe('http://localhost:3500');
    expect(walletRequestHost('http://192.168.0.7:3000')).toBe('http://192.168.0.7:3000');
    expect(walletRequestHost('http://walletgate.test')).toBeNull(); // the wallet would use https
    expect(walletRequestHost('https://localhost:3500')).toBeNull(); // the wallet would use http
    expect(walletRequestHost('not a url')).toBeNull();
    expect(isLocalOrIpHost('256.1.1.1')).toBe(false);
    expect(ergoAuthUri('http://localhost:3500', '/api/ergoauth/requests/x')).toBe('ergoauth://localhost:3500/api/ergoauth/requests/x');
  });

  it('puts the statement before a NUL, where the wallet reads its "reason"', () => {
    const req = signInRequest('ergo', key.mainnet);
    const signing = ergoAuthSigningMessage(ergoAuthReason(req.parsed), req.message);
    expect(signing.split('\u0000')[0]).toBe('Sign in to walletgate with this wallet.');
    expect(signing.endsWith(req.message)).toBe(true);
  });
});

describe('ErgoAuth sigmaBoolean', () => {
  it('is the ProveDlog SigmaBoolean: the value part of the P2PK ErgoTree ergo-lib writes', () => {
    const { publicKey } = parseP2pkAddress(key.mainnet, 'mainnet');
    const sigmaBoolean = Buffer.from([0xcd, ...publicKey]).toString('base64');
    const tree = ergo.Address.from_base58(key.mainnet).to_ergo_tree().sigma_serialize_bytes();
    expect(Buffer.from(tree).toString('hex')).toBe(`0008${Buffer.from(sigmaBoolean, 'base64').toString('hex')}`);
    expect(sigmaBooleanAddress(sigmaBoolean, 'mainnet')).toBe(key.mainnet);
  });
});

describe('ergo verifier: the "ergoauth" form', () => {
  it('accepts the Ergo Wallet app layout', async () => {
    expect(await verifySignIn(body(), expectAt())).toMatchObject({ ok: true, account: { address: key.mainnet } });
  });

  it('refuses a proof by another key, and a changed signed text', async () => {
    expect(await verifySignIn(body({ signer: other }), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const b = body();
    expect(await verifySignIn({ ...b, signedMessage: b.signedMessage.replace('a', 'b') }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('refuses our message missing, twice, or another request’s message', async () => {
    const otherRequest = signInRequest('ergo', key.mainnet, { nonce: 'an0therN0nce0123456789' });
    const signing = ergoAuthSigningMessage(ergoAuthReason(otherRequest.parsed), otherRequest.message);
    expect(await verifySignIn(body({ signing }), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn(body({ signing: 'hello' }), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn(body({ twice: true }), expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('refuses another host, a host without scheme, and the cold-wallet layout without a host', async () => {
    for (const host of ['https://evil.test', 'walletgate.test', 'http://walletgate.test', ''])
      expect(await verifySignIn(body({ host }), expectAt()), host).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });

  it('refuses missing, short, long or non-alphanumeric wallet random parts', async () => {
    for (const [prefix, suffix] of [['', undefined], [undefined, ''], ['abc', undefined], ['x'.repeat(65), undefined], [undefined, 'ab;cd-ef.gh']])
      expect(await verifySignIn(body({ prefix, suffix }), expectAt()), `${prefix}|${suffix}`).toMatchObject({ ok: false, code: 'malformed_input' });
  });

  it('refuses an http app on a public host (no wallet can answer it)', async () => {
    const httpRp = { ...RP, origin: 'http://walletgate.test' };
    const req = signInRequest('ergo', key.mainnet, { rp: httpRp });
    const signedMessage = random20() + ergoAuthSigningMessage(ergoAuthReason(req.parsed), req.message) + 'http://walletgate.test' + random20();
    const b = { chain: 'ergo', address: key.mainnet, message: req.message, signature: key.sign(utf8(signedMessage)), form: 'ergoauth', signedMessage };
    expect(await verifySignIn(b, expectAt(undefined, httpRp))).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });

  it('refuses an auth-form proof sent as ergoauth, and an ergoauth proof sent as auth', async () => {
    const b = body();
    expect(await verifySignIn({ ...b, form: 'auth' }, expectAt())).toMatchObject({ ok: false });
    expect(await verifySignIn({ ...b, form: 'sign_data' }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn({ ...b, signedMessage: undefined }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
  });
});
