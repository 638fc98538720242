/**
 * Kukai's own authentication template as a second Tezos sign-in form. The wallet double follows
 * kukai-wallet/kukai src/app/services/embedded-auth/embedded-auth.service.ts (see kukai-test-wallet.ts); keys are real
 * (InMemorySigner: tz2 secp256k1 like Kukai's embedded accounts, and tz1), verified by the real verifier.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignIn, type SignInExpectations } from '../../auth/core';
import { NOW, RP, signInRequest } from '../../../test/helpers/relying-party';
import vectors from '../../../test/vectors/tezos/kukai-template.json';
import { checkSignature } from './keys';
import { readKukaiTemplate } from './kukai-template';
import { kukaiAuthenticate, kukaiAuthMessage, kukaiSign, type KukaiAuthRequest } from './kukai-test-wallet';
import { michelinePayloadBytes, michelinePayloadHex } from './micheline';
import { testKey, type TestKey } from './test-keys';

const NONCE = 'n0nceAbCdEf0123456789x';
const REQUEST_ID = 'urn:walletgate:sign-in';
const PREFIX = 'Tezos Signed Message: ';
const BASE: KukaiAuthRequest = { requestId: REQUEST_ID, nonce: NONCE, domain: RP.origin, network: 'mainnet', now: NOW };
const X: SignInExpectations = { ...RP, nonce: NONCE, now: NOW, resources: [REQUEST_ID], walletTemplates: true };

const body = (key: TestKey, a: { message: string; signature: string }, extra: Record<string, unknown> = {}) => ({
  chain: 'tezos', address: key.address, publicKey: key.publicKey, message: a.message, signature: a.signature, ...extra,
});
/** Kukai's JSON with `edit` applied to the text before signing: the signature is valid, only the content is bad. */
async function signedText(key: TestKey, edit: (json: string) => string) {
  const json = kukaiAuthMessage(key, BASE).slice(PREFIX.length);
  const message = PREFIX + edit(json);
  return body(key, { message, signature: await key.sign(michelinePayloadHex(message)) });
}

describe("Kukai's published vector", () => {
  const v = vectors.published;
  it('is the Micheline PACK we rebuild, signed by the tz2 key it names', () => {
    expect(checkSignature(michelinePayloadBytes(v.message), v.publicKey, v.signature)).toBe(true);
    expect(readKukaiTemplate(v.message)).toMatchObject({ form: 'kukai', origin: 'https://test.com', network: 'edonet', address: v.address, nonce: '32174589748' });
  });

  it('signs in only for its own origin and network', async () => {
    const rp = { origin: 'https://test.com', networks: { ...RP.networks, tezos: 'mainnet' as const } };
    const x = { ...rp, nonce: '32174589748', now: new Date(1616770407005), walletTemplates: true };
    const input = { chain: 'tezos', address: v.address, publicKey: v.publicKey, message: v.message, signature: v.signature };
    expect(await verifySignIn(input, x)).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(await verifySignIn(input, { ...x, origin: 'https://walletgate.test' })).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });
});

describe('generated Kukai vectors', () => {
  const x = { ...RP, nonce: vectors.relyingParty.nonce, now: new Date(vectors.relyingParty.now), resources: [vectors.relyingParty.requestId], walletTemplates: true };
  it.each(vectors.vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const r = await verifySignIn({ chain: 'tezos', address: v.address, publicKey: v.publicKey, message: v.message, signature: v.signature }, x);
    if (v.expected === 'ok') expect(r).toMatchObject({ ok: true, account: { address: v.address } });
    else expect(r).toMatchObject({ ok: false, code: v.expected });
  });
});

describe.each(['secp256k1', 'ed25519'] as const)('Kukai template, %s', (curve) => {
  let key: TestKey;
  let other: TestKey;
  beforeAll(async () => {
    [key, other] = await Promise.all([testKey(curve), testKey(curve)]);
    expect(key.address.startsWith(curve === 'secp256k1' ? 'tz2' : 'tz1')).toBe(true);
  });

  it('signs in, with or without the publicKey field, and says which form it was', async () => {
    const a = await kukaiAuthenticate(key, BASE);
    expect(a.message).toBe(
      `${PREFIX}{"requestId":"${REQUEST_ID}","purpose":"authentication","currentTime":"${NOW.getTime() / 1000}","nonce":"${NONCE}","network":"mainnet","publicKey":"${key.publicKey}","address":"${key.address}","domain":"${RP.origin}"}`,
    );
    const r = await verifySignIn(body(key, a), X);
    expect(r).toMatchObject({ ok: true, account: { chain: 'tezos', address: key.address }, message: { nonce: NONCE }, template: { form: 'kukai', signedAt: NOW } });
    const { publicKey: _pk, ...noKey } = body(key, a);
    expect(await verifySignIn(noKey, X)).toMatchObject({ ok: true });
    expect(await verifySignIn(body(key, a, { payload: michelinePayloadHex(a.message) }), X)).toMatchObject({ ok: true });
  });

  it('is refused where the request must state what it agrees to (walletTemplates off: move, actions)', async () => {
    const a = await kukaiAuthenticate(key, BASE);
    expect(await verifySignIn(body(key, a), { ...X, walletTemplates: undefined })).toMatchObject({ ok: false, code: 'invalid_message' });
  });

  it('binds origin, network, address, key, nonce, requestId and time', async () => {
    const cases: [Partial<KukaiAuthRequest>, string][] = [
      [{ domain: 'https://walletgate.test.evil.example' }, 'domain_mismatch'],
      [{ domain: 'http://walletgate.test' }, 'domain_mismatch'],
      [{ domain: 'walletgate.test' }, 'domain_mismatch'],
      [{ network: 'ghostnet' }, 'wrong_network'],
      [{ nonce: 'an0therN0nceFromElsewhere' }, 'nonce_mismatch'],
      [{ requestId: 'urn:walletgate:move' }, 'invalid_message'],
      [{ now: new Date(NOW.getTime() + 60_000) }, 'not_yet_valid'],
    ];
    for (const [change, code] of cases) {
      const r = await verifySignIn(body(key, await kukaiAuthenticate(key, { ...BASE, ...change })), X);
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, code });
    }
    // Within the skew is fine (the wallet's clock a little ahead).
    expect(await verifySignIn(body(key, await kukaiAuthenticate(key, { ...BASE, now: new Date(NOW.getTime() + 20_000) })), X)).toMatchObject({ ok: true });
  });

  it('refuses another address, a key that does not hash to it, and a publicKey field that differs', async () => {
    const a = await kukaiAuthenticate(key, BASE);
    expect(await verifySignIn({ ...body(key, a), address: other.address }, X)).toMatchObject({ ok: false, code: 'address_mismatch' });
    // The template names this address but carries (and is signed by) another key.
    const forged = await signedText(other, (json) => json.replace(other.address, key.address));
    expect(await verifySignIn({ ...forged, address: key.address, publicKey: undefined }, X)).toMatchObject({ ok: false, code: 'address_mismatch' });
    expect(await verifySignIn(body(key, a, { publicKey: other.publicKey }), X)).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it("refuses another key's signature, a changed byte, and a payload claim that is not this text", async () => {
    const a = await kukaiAuthenticate(key, BASE);
    expect(await verifySignIn(body(key, { ...a, signature: await kukaiSign(other, a.message) }), X)).toMatchObject({ ok: false, code: 'invalid_signature' });
    const later = kukaiAuthMessage(key, { ...BASE, now: new Date(NOW.getTime() + 1000) });
    expect(await verifySignIn(body(key, { message: later, signature: a.signature }), X)).toMatchObject({ ok: false, code: 'invalid_signature' });
    const caip = signInRequest('tezos', key.address).signing.payload;
    expect(await verifySignIn(body(key, a, { payload: caip }), X)).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('reads only the exact JSON Kukai writes: each refusal a 4xx code, even when validly signed', async () => {
    const edits: [string, (json: string) => string, RegExp][] = [
      ['unknown key', (j) => j.replace('{', '{"statement":"hi",'), /unknown field "statement"/],
      ['duplicated key', (j) => j.replace('"purpose"', `"nonce":"${NONCE}","purpose"`), /"nonce" twice/],
      ['duplicated domain, last one wins in JSON.parse', (j) => j.replace(/}$/, ',"domain":"https://walletgate.test"}'), /"domain" twice/],
      ['missing nonce (Kukai drops an empty one)', (j) => j.replace(`"nonce":"${NONCE}",`, ''), /missing the "nonce"/],
      ['missing requestId', (j) => j.replace(`"requestId":"${REQUEST_ID}",`, ''), /missing the "requestId"/],
      ['whitespace', (j) => JSON.stringify(JSON.parse(j), null, 1), /compact JSON/],
      ['space after a colon', (j) => j.replace('"purpose":', '"purpose": '), /must be a JSON string|compact JSON/],
      ['trailing text', (j) => `${j} `, /text after/],
      ['needless escape', (j) => j.replace('"authentication"', '"\\u0061uthentication"'), /JSON.stringify writes/],
      ['purpose', (j) => j.replace('"authentication"', '"login"'), /purpose "authentication"/],
      ['currentTime as a number', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":$1'), /"currentTime" field must be a JSON string/],
      ['currentTime with a leading zero', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":"0$1"'), /plain digits/],
      ['currentTime with a fraction', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":"$1.0"'), /plain digits/],
      ['currentTime with an exponent', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":"1.7e9"'), /plain digits/],
      ['currentTime signed', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":"+$1"'), /plain digits/],
      ['currentTime in milliseconds', (j) => j.replace(/"currentTime":"(\d+)"/, '"currentTime":"$1000"'), /plain digits/],
      ['empty value', (j) => j.replace(`"requestId":"${REQUEST_ID}"`, '"requestId":""'), /1 to 512/],
      ['nonce with a quote', (j) => j.replace(`"nonce":"${NONCE}"`, '"nonce":"ab\\"cdefgh"'), /letters or digits/],
      ['not an object: array', () => '["authentication"]', /must be a JSON object/],
      ['not an object: string', () => '"hello"', /must be a JSON object/],
      ['not an object: number', () => '42', /must be a JSON object/],
      ['nested object', (j) => j.replace(`"nonce":"${NONCE}"`, '"nonce":{"v":1}'), /"nonce" field must be a JSON string/],
    ];
    for (const [name, edit, why] of edits) {
      const r = await verifySignIn(await signedText(key, edit), X);
      expect(r, name).toMatchObject({ ok: false, code: 'invalid_message', message: expect.stringMatching(why) });
    }
  });
});
