import { describe, expect, it } from 'vitest';
import { createSignInMessage, parseSignInMessage, validateSignInMessage, type SignInMessage } from './message';

const base: SignInMessage = {
  prefix: '',
  domain: 'walletgate.test',
  chainName: 'Ethereum',
  address: '0x71C7656EC7ab88b098defB751B7401B5f6d8976F',
  statement: 'Sign in to walletgate with this wallet.',
  uri: 'https://walletgate.test',
  version: '1',
  chainId: '1',
  nonce: 'abcDEF0123456789xyzABC',
  issuedAt: '2026-11-21T12:00:00.000Z',
  expirationTime: '2026-11-21T12:05:00.000Z',
  resources: ['urn:walletgate:sign-in'],
};
const text = createSignInMessage(base);
const expectations = { domain: 'walletgate.test', uri: 'https://walletgate.test', chainName: 'Ethereum', chainId: '1', nonce: base.nonce, now: new Date('2026-11-21T12:01:00Z'), clockSkewSeconds: 30 };
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('CAIP-122 message', () => {
  it('round-trips', () => {
    expect(parseSignInMessage(text)).toEqual(base);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'walletgate.test wants you to sign in with your Ethereum account:',
      base.address,
      '',
      'Sign in to walletgate with this wallet.',
    ]);
  });

  it('keeps a chain prefix as part of the text', () => {
    const tezos = createSignInMessage({ ...base, prefix: 'Tezos Signed Message: ', chainName: 'Tezos' });
    expect(tezos.startsWith('Tezos Signed Message: walletgate.test wants you')).toBe(true);
    expect(code(() => parseSignInMessage(tezos))).toBe('invalid_message');
    expect(parseSignInMessage(tezos, 'Tezos Signed Message: ').chainName).toBe('Tezos');
  });

  it.each([
    ['a missing field', text.replace(/Nonce: .*\n/, '')],
    ['reordered fields', text.replace('Version: 1\nChain ID: 1', 'Chain ID: 1\nVersion: 1')],
    ['an extra line', `${text}\nextra`],
    ['a trailing newline', `${text}\n`],
    ['CRLF line ends', text.replaceAll('\n', '\r\n')],
    ['an unknown field', text.replace('Issued At', 'Request ID: 1\nIssued At')],
    ['a bad header', text.replace('wants you to sign in', 'would like you to sign in')],
    ['a short nonce', text.replace(base.nonce, 'abc123')],
    ['a non-alphanumeric nonce', text.replace(base.nonce, 'abc-123_456789')],
    ['an unparseable issued-at', text.replace(base.issuedAt, 'yesterday')],
    ['an impossible date', text.replace(base.issuedAt, '2026-02-31T12:00:00Z')],
    ['a time without zone', text.replace(base.expirationTime!, '2026-11-21T12:05:00')],
    ['version 2', text.replace('Version: 1', 'Version: 2')],
    ['a non-URI', text.replace('URI: https://walletgate.test', 'URI: not a uri')],
    ['an oversized statement', text.replace(base.statement!, 'x'.repeat(600))],
    ['an oversized message', text + 'x'.repeat(9000)],
    ['an empty message', ''],
  ])('rejects %s', (_name, bad) => {
    expect(code(() => parseSignInMessage(bad))).toBe('invalid_message');
  });

  it('validates domain, URI, chain, nonce and times', () => {
    const m = parseSignInMessage(text);
    expect(code(() => validateSignInMessage(m, expectations))).toBe('ok');
    expect(code(() => validateSignInMessage(m, { ...expectations, domain: 'evil.test' }))).toBe('domain_mismatch');
    expect(code(() => validateSignInMessage(m, { ...expectations, uri: 'https://evil.test' }))).toBe('uri_mismatch');
    expect(code(() => validateSignInMessage(m, { ...expectations, chainId: '5' }))).toBe('wrong_network');
    expect(code(() => validateSignInMessage(m, { ...expectations, chainName: 'Cardano' }))).toBe('wrong_network');
    expect(code(() => validateSignInMessage(m, { ...expectations, nonce: 'otherNonce12345' }))).toBe('nonce_mismatch');
    expect(code(() => validateSignInMessage(m, { ...expectations, now: new Date('2026-11-21T12:06:00Z') }))).toBe('expired');
    expect(code(() => validateSignInMessage(m, { ...expectations, now: new Date('2026-11-21T11:58:00Z') }))).toBe('not_yet_valid');
    expect(code(() => validateSignInMessage({ ...m, notBefore: '2026-11-21T12:03:00Z' }, expectations))).toBe('not_yet_valid');
    expect(code(() => validateSignInMessage({ ...m, expirationTime: undefined }, expectations))).toBe('invalid_message');
    expect(code(() => validateSignInMessage(m, { ...expectations, resources: ['urn:walletgate:link'] }))).toBe('invalid_message');
    expect(code(() => validateSignInMessage(m, { ...expectations, statement: 'Link this wallet.' }))).toBe('invalid_message');
  });

  it('allows the configured clock skew and no more', () => {
    const m = parseSignInMessage(text);
    expect(code(() => validateSignInMessage(m, { ...expectations, now: new Date('2026-11-21T11:59:45Z') }))).toBe('ok');
    expect(code(() => validateSignInMessage(m, { ...expectations, now: new Date('2026-11-21T12:05:20Z') }))).toBe('ok');
    expect(code(() => validateSignInMessage(m, { ...expectations, now: new Date('2026-11-21T12:05:31Z') }))).toBe('expired');
  });

  it('refuses to build a message with a field out of bounds', () => {
    expect(code(() => createSignInMessage({ ...base, statement: 'two\nlines' }))).toBe('invalid_message');
    expect(code(() => createSignInMessage({ ...base, domain: 'evil.test/path' }))).toBe('invalid_message');
  });
});
