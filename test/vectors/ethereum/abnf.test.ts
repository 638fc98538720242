/**
 * The EIP-4361 / RFC 3986 ABNF families of spruceid/siwe (see README.md): `valid_chars.json` / `invalid_chars.json`
 * (one ABNF rule each) and `is_uri.json` (packages/siwe-parser `t-isUri.test.ts`, the uri-js and IPv4/IPv6 cases).
 * Each is run against the rule in lib/auth/rfc3986.ts AND, where the input can stand in a message, through the
 * whole builder and parser (lib/auth/message.ts). expectations.json says where we are stricter, and why.
 */
import { describe, expect, it } from 'vitest';
import { createSignInRequest, verifySignIn } from '../../../lib/auth/core';
import { createSignInMessage, isStatement, parseSignInMessage, type SignInMessage } from '../../../lib/auth/message';
import { isUri, matchesRule, parseAuthority, type Rule } from '../../../lib/auth/rfc3986';
import { RP } from '../../helpers/relying-party';
import expectations from './expectations.json';
import invalidChars from './spruceid-siwe/invalid_chars.json';
import isUriLists from './spruceid-siwe/is_uri.json';
import validChars from './spruceid-siwe/valid_chars.json';

const base: SignInMessage = {
  prefix: '',
  domain: 'service.org',
  chainName: 'Ethereum',
  address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  uri: 'https://service.org/login',
  version: '1',
  chainId: '1',
  nonce: '32891757',
  issuedAt: '2021-09-30T16:25:24.000Z',
  expirationTime: '2021-09-30T16:30:24.000Z',
};
const text = (m: Partial<SignInMessage>) => {
  const f = { ...base, ...m };
  const lines = [`${f.domain} wants you to sign in with your Ethereum account:`, f.address, '', ...(f.statement === undefined ? [''] : [f.statement, ''])];
  lines.push(`URI: ${f.uri}`, 'Version: 1', 'Chain ID: 1', `Nonce: ${f.nonce}`, `Issued At: ${f.issuedAt}`, `Expiration Time: ${f.expirationTime}`);
  if (f.resources) lines.push('Resources:', ...f.resources.map((r) => `- ${r}`));
  return lines.join('\n');
};
const outcome = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'throws';
  }
};
/** Builder and parser agree: both accept (ok) or both refuse (invalid_message). */
function messageOutcome(m: Partial<SignInMessage>) {
  const parsed = outcome(() => parseSignInMessage(text(m)));
  expect(outcome(() => createSignInMessage({ ...base, ...m }))).toBe(parsed);
  return parsed;
}

const ruleOf = (rule: string, input: string) => (rule === 'statement' ? isStatement(input) : matchesRule(rule as Rule, input));
// Where a rule's input can stand in a message (a URI part, or the statement) — delimiters would change the parse.
const inMessage: Record<string, (input: string) => Partial<SignInMessage>> = {
  scheme: (i) => ({ uri: `${i}://service.org` }),
  statement: (i) => ({ statement: i }),
  'pct-encoded': (i) => ({ uri: `uri:${i}` }),
  userinfo: (i) => ({ uri: `uri://${i}@service.org` }),
  IPvFuture: (i) => ({ uri: `uri://[${i}]` }),
  'reg-name': (i) => ({ uri: `uri://${i}` }),
  'segment-nz': (i) => ({ uri: `uri:/${i}` }),
  fragment: (i) => ({ uri: `uri:#${i}` }),
};
const DELIMITERS = new Set([':', '/', '?', '#', '@', ' ']);
const FILES = expectations as unknown as Record<string, { default: string; except?: Record<string, { ours: string; note: string }> }>;
const ours = (file: string, name: string) => FILES[file].except?.[name]?.ours ?? FILES[file].default;

describe('spruceid/siwe valid_chars.json (each rule accepts its whole alphabet)', () => {
  for (const [name, v] of Object.entries(validChars))
    it(`${name}: the ${v.rule} rule and a message carrying it accept`, () => {
      expect(ruleOf(v.rule, v.input)).toBe(true);
      expect(messageOutcome(inMessage[v.rule](v.input))).toBe('ok');
    });
});

describe('spruceid/siwe invalid_chars.json (each rule refuses a forbidden character)', () => {
  for (const [name, v] of Object.entries(invalidChars))
    it(`${name}: the ${v.rule} rule refuses${DELIMITERS.has(v.input) || v.rule === 'scheme' ? '' : ', and so does a message carrying it'}`, () => {
      expect(ruleOf(v.rule, v.input)).toBe(false);
      if (!DELIMITERS.has(v.input) && v.rule !== 'scheme') expect(messageOutcome(inMessage[v.rule](v.input))).toBe('invalid_message');
    });
  it('a statement with each character EIP-4361 forbids is refused by builder and parser (" % < > \\ ^ ` { | } and non-ASCII)', () => {
    for (const c of ['"', '%', '<', '>', '\\', '^', '`', '{', '|', '}', '—', 'é', '\t'])
      expect(messageOutcome({ statement: `Sign in ${c} here` })).toBe('invalid_message');
  });
});

describe('spruceid/siwe is_uri.json (t-isUri, uri-js and IPv4/IPv6 cases) as the message URI', () => {
  for (const uri of isUriLists.goodUris) {
    const expected = ours('is_uri.json', uri);
    it(`good: ${uri} → ${expected}`, () => {
      expect(isUri(uri)).toBe(expected === 'ok');
      expect(messageOutcome({ uri })).toBe(expected === 'ok' ? 'ok' : 'invalid_message');
      expect(messageOutcome({ uri: base.uri, resources: [uri] })).toBe(expected === 'ok' ? 'ok' : 'invalid_message');
    });
  }
  for (const uri of isUriLists.badUris)
    it(`bad: ${uri} → invalid_message`, () => {
      expect(isUri(uri)).toBe(false);
      expect(messageOutcome({ uri })).toBe('invalid_message');
    });
  it.each([
    ['^ in a path', 'https://service.org/a^b'],
    ['` in a path', 'https://service.org/a`b'],
    ['| in a path', 'https://service.org/a|b'],
    ['a bare % in a path', 'https://service.org/100%'],
    ['% with one hex digit', 'https://service.org/%4'],
    ['[ in a path', 'https://service.org/a[0]'],
    ['# in a fragment', 'https://service.org/#a#b'],
    ['[ in a fragment', 'https://service.org/#a[b'],
    ['a space', 'https://service.org/a b'],
    ['a non-ASCII character', 'https://service.org/café'],
    ['an unclosed IP literal', 'http://[::1:3000'],
    ['a non-numeric port', 'http://service.org:80a'],
  ])('refuses %s (WHATWG URL would repair it): %s', (_, uri) => {
    expect(isUri(uri)).toBe(false);
    expect(messageOutcome({ uri })).toBe('invalid_message');
  });
});

describe('domain = authority (host[:port]), and an app on an IPv6 literal or an underscore host', () => {
  it.each(['[::1]:3000', '[::1]', 'my_host.internal:8080', 'localhost', '127.0.0.1:3000', '[v1.fe]'])('accepts %s', (domain) => {
    expect(messageOutcome({ domain })).toBe('ok');
  });
  it.each(['user@service.org', '[::1', 'service.org:', 'service.org:123456', '[::1]x', 'a/b', 'sérvice.org', ''])('refuses %s', (domain) => {
    expect(messageOutcome({ domain })).toBe('invalid_message');
  });
  it('parseAuthority splits userinfo, IP literal and port', () => {
    expect(parseAuthority('u:p@[::1]:3000')).toEqual({ userinfo: 'u:p', host: '[::1]', port: '3000' });
    expect(parseAuthority('@:')).toEqual({ userinfo: '', host: '', port: '' });
  });
  it('a relying party on http://[::1]:3000 builds a message and verifySignIn accepts the signed text', async () => {
    const { privateKeyToAccount, generatePrivateKey } = await import('viem/accounts');
    const account = privateKeyToAccount(generatePrivateKey());
    const rp = { ...RP, origin: 'http://[::1]:3000' };
    const now = new Date('2026-11-21T12:00:00Z');
    const req = createSignInRequest(rp, { chain: 'ethereum', address: account.address, nonce: 'abcdEFGH12345678', issuedAt: now, expiresAt: new Date(now.getTime() + 60_000), statement: 'Sign in.' });
    expect(req.message.startsWith('[::1]:3000 wants you to sign in')).toBe(true);
    expect(req.parsed.uri).toBe('http://[::1]:3000');
    const signature = await account.signMessage({ message: req.message });
    const r = await verifySignIn({ chain: 'ethereum', address: account.address, message: req.message, signature }, { ...rp, nonce: 'abcdEFGH12345678', now });
    expect(r).toMatchObject({ ok: true });
    const other = await verifySignIn({ chain: 'ethereum', address: account.address, message: req.message, signature }, { ...rp, origin: 'http://[::2]:3000', nonce: 'abcdEFGH12345678', now });
    expect(other).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });
});
