/**
 * NEP-413 callbackUrl (issue 12 §1): wallets that sign one — MyNearWallet always, Intear when given one — sign in,
 * link and confirm actions when the client submits what was signed; anything else is refused before a nonce is spent.
 * Signers follow the wallets' own code (see testing/wallet-signers.ts for the repo + path of each); keys are real.
 */
import { describe, expect, it, vi } from 'vitest';
import { generateKey } from 'near-kit';
import { base64 } from '@scure/base';
import { createSignInRequest, verifySignIn } from '../../auth/core';
import { isAppError } from '../../errors';
import { actionIntent, parseAction } from '../../actions/registry';
import { NOW, RP, STATEMENT } from '../../../test/helpers/relying-party';
import { MAX_CALLBACK_URL_LENGTH, callbackUrlFor, readCallbackUrl } from './callback-url';
import { intearPayloadJson, intearSignMessage, mnwMessageToSign, mnwSignMessage, newTestKey, type TestKey } from './testing/wallet-signers';
import { toHex } from './keys';

const ORIGIN = RP.origin; // https://walletgate.test
const NONCE = 'n0nceAbCdEf0123456789x';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return isAppError(e) ? e.code : 'threw';
  }
};

describe('readCallbackUrl: only an absolute URL on the app origin, in normal form', () => {
  it.each([`${ORIGIN}/`, `${ORIGIN}/sign-in`, `${ORIGIN}/members?next=%2Fx&a=1`, `${ORIGIN}/account#wallets`])('accepts %s', (v) => {
    expect(readCallbackUrl(v, ORIGIN)).toBe(v);
  });

  it('treats an absent value as no callbackUrl', () => {
    expect(readCallbackUrl(undefined, ORIGIN)).toBeUndefined();
  });

  it.each([
    ['foreign origin', 'https://evil.test/'],
    ['look-alike host', 'https://walletgate.test.evil.test/'],
    ['other scheme', 'http://walletgate.test/'],
    ['other port', 'https://walletgate.test:8443/'],
    ['relative path', '/sign-in'],
    ['no scheme', 'walletgate.test/callback'],
    ['protocol-relative', '//walletgate.test/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['userinfo naming our host before a foreign one', 'https://walletgate.test@evil.test/'],
    ['userinfo on our host', 'https://user:pw@walletgate.test/'],
    ['backslash trick', 'https://evil.test\\@walletgate.test/'],
    ['upper case (not normal form)', 'HTTPS://WALLETGATE.TEST/'],
    ['default port written out', 'https://walletgate.test:443/'],
    ['no trailing slash (not normal form)', 'https://walletgate.test'],
    ['tab a parser strips', 'https://wallet\tgate.test/'],
    ['leading space', ` ${ORIGIN}/`],
    ['dot segments', `${ORIGIN}/a/../b`],
    ['empty string', ''],
    ['too long', `${ORIGIN}/${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`],
  ])('refuses %s', (_name, v) => {
    expect(codeOf(() => readCallbackUrl(v, ORIGIN))).toBe('invalid_callback_url');
  });

  it.each([null, 42, true, {}, [`${ORIGIN}/`]])('refuses a non-string (%j)', (v) => {
    expect(codeOf(() => readCallbackUrl(v, ORIGIN))).toBe('invalid_callback_url');
  });

  it('the connector builds the normal form the server accepts, on the app origin, from a page path', () => {
    expect(callbackUrlFor(ORIGIN, '/sign-in')).toBe(`${ORIGIN}/sign-in`);
    expect(callbackUrlFor('https://app.example:8443', '')).toBe('https://app.example:8443/');
    expect(readCallbackUrl(callbackUrlFor(ORIGIN, '/members/profile'), ORIGIN)).toBe(`${ORIGIN}/members/profile`);
  });
});

describe('MyNearWallet borsh layout', () => {
  it('is tag u32 LE 2^31+413, message, nonce[32], recipient, Option<callbackUrl> (Some = 1 + string)', () => {
    const nonce = Uint8Array.from({ length: 32 }, (_, i) => i);
    const bytes = mnwMessageToSign({ message: 'hi', nonce: base64.encode(nonce), recipient: 'myapp.com', callbackUrl: 'https://myapp.com/cb' });
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex.slice(0, 8)).toBe('9d010080');
    expect(hex.slice(8, 20)).toBe('020000006869'); // "hi"
    expect(Buffer.from(bytes.slice(10, 42))).toEqual(Buffer.from(nonce));
    expect(bytes[42 + 4 + 'myapp.com'.length]).toBe(1); // Some
    const none = mnwMessageToSign({ message: 'hi', nonce: base64.encode(nonce), recipient: 'myapp.com' });
    expect(none.at(-1)).toBe(0); // None
  });
});

interface Intent {
  name: string;
  statement: string;
  resources: string[];
}
const action = parseAction('profile.update', { displayName: 'Ada', bio: '' });
const INTENTS: Intent[] = [
  { name: 'sign-in', statement: STATEMENT, resources: ['urn:walletgate:sign-in'] },
  { name: 'link', statement: 'Link this wallet to your walletgate account.', resources: ['urn:walletgate:link'] },
  { name: 'action', ...actionIntent(action, 'walletgate') },
];

function request(key: TestKey, intent: Intent) {
  return createSignInRequest(RP, {
    chain: 'near',
    address: key.accountId,
    nonce: NONCE,
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 5 * 60_000),
    statement: intent.statement,
    resources: intent.resources,
  });
}

const params = (req: ReturnType<typeof request>) => ({
  message: req.message,
  recipient: String(req.signing.recipient),
  nonce: base64.decode(String(req.signing.nonce)),
});

async function verify(intent: Intent, body: object) {
  const consumeNonce = vi.fn(async () => true);
  const r = await verifySignIn(body, { ...RP, now: NOW, statement: intent.statement, resources: intent.resources, consumeNonce });
  return { code: r.ok ? 'ok' : r.code, spent: consumeNonce.mock.calls.length };
}

const bodyOf = (key: TestKey, req: ReturnType<typeof request>, signed: { signature: string; publicKey: string }, extras: object = {}) => ({
  chain: 'near',
  address: key.accountId,
  message: req.message,
  signature: signed.signature,
  publicKey: signed.publicKey,
  ...extras,
});

for (const intent of INTENTS) {
  describe(`${intent.name}: the callbackUrl the wallet signed`, () => {
    const key = newTestKey();

    it('MyNearWallet given our callbackUrl: submitted with it → accepted, nonce spent once', async () => {
      const req = request(key, intent);
      const callbackUrl = callbackUrlFor(ORIGIN, '/sign-in');
      const signed = mnwSignMessage(key, { ...params(req), callbackUrl }, 'https://ignored.example/');
      expect(signed).not.toHaveProperty('callbackUrl'); // MNW does not say what it signed: the client must know
      expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl }))).toEqual({ code: 'ok', spent: 1 });
    });

    it('MyNearWallet given none signs the page location (any path and query on our origin) → accepted', async () => {
      const req = request(key, intent);
      const page = `${ORIGIN}/members?tab=profile`;
      const signed = mnwSignMessage(key, params(req), page);
      expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl: page }))).toEqual({ code: 'ok', spent: 1 });
    });

    it('Intear given a callbackUrl signs callback_url → accepted with it', async () => {
      const req = request(key, intent);
      const callbackUrl = `${ORIGIN}/sign-in`;
      const signed = intearSignMessage(key, intearPayloadJson({ ...params(req), callbackUrl }));
      expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl }))).toEqual({ code: 'ok', spent: 1 });
    });

    it('Intear through NEAR Connect (callback_url null) → accepted without one', async () => {
      const req = request(key, intent);
      const signed = intearSignMessage(key, intearPayloadJson(params(req)));
      expect(await verify(intent, bodyOf(key, req, signed))).toEqual({ code: 'ok', spent: 1 });
    });

    it('a foreign callbackUrl is refused with invalid_callback_url, even though the signature is good', async () => {
      const req = request(key, intent);
      const foreign = 'https://evil.test/steal';
      const signed = mnwSignMessage(key, { ...params(req), callbackUrl: foreign }, foreign);
      expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl: foreign }))).toEqual({ code: 'invalid_callback_url', spent: 0 });
    });

    it('signed with a callbackUrl, submitted without it → invalid_signature', async () => {
      const req = request(key, intent);
      const signed = mnwSignMessage(key, { ...params(req), callbackUrl: `${ORIGIN}/sign-in` }, ORIGIN);
      expect(await verify(intent, bodyOf(key, req, signed))).toEqual({ code: 'invalid_signature', spent: 0 });
    });

    it('signed without a callbackUrl (near-kit, HOT/Meteor layout), submitted with one → invalid_signature', async () => {
      const kit = generateKey();
      const implicit = { ...key, accountId: toHex(kit.publicKey.data) };
      const req = request(implicit, intent);
      const sm = kit.signNep413Message!(implicit.accountId, params(req));
      const body = bodyOf(implicit, req, sm, { callbackUrl: `${ORIGIN}/sign-in` });
      expect(await verify(intent, body)).toEqual({ code: 'invalid_signature', spent: 0 });
      expect(await verify(intent, { ...body, callbackUrl: undefined })).toEqual({ code: 'ok', spent: 1 });
    });

    it('signed with one callbackUrl on our origin, submitted with another → invalid_signature', async () => {
      const req = request(key, intent);
      const signed = mnwSignMessage(key, { ...params(req), callbackUrl: `${ORIGIN}/a` }, ORIGIN);
      expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl: `${ORIGIN}/b` }))).toEqual({ code: 'invalid_signature', spent: 0 });
    });

    it('a callbackUrl that is not a string is refused before the signature is checked', async () => {
      const req = request(key, intent);
      const signed = mnwSignMessage(key, params(req), `${ORIGIN}/`);
      for (const callbackUrl of [null, 1, { href: `${ORIGIN}/` }])
        expect(await verify(intent, bodyOf(key, req, signed, { callbackUrl }))).toEqual({ code: 'invalid_callback_url', spent: 0 });
    });
  });
}
