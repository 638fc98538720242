import { describe, expect, it } from 'vitest';
import { crossOriginReason } from './origin';

const APP = 'https://walletgate.test';
const req = (method: string, headers: Record<string, string> = {}) => new Request(`${APP}/api/auth/logout`, { method, headers });

describe('crossOriginReason', () => {
  it('lets the app origin and header-less clients through', () => {
    expect(crossOriginReason(req('POST', { origin: APP }), APP)).toBeNull();
    expect(crossOriginReason(req('POST'), APP)).toBeNull();
    expect(crossOriginReason(req('POST', { 'sec-fetch-site': 'same-origin' }), APP)).toBeNull();
    expect(crossOriginReason(req('POST', { 'sec-fetch-site': 'none' }), APP)).toBeNull();
    expect(crossOriginReason(req('GET', { origin: 'https://evil.example' }), APP)).toBeNull();
  });
  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['another port', { origin: 'https://walletgate.test:8443' }],
    ['a subdomain', { origin: 'https://a.walletgate.test' }],
    ['http instead of https', { origin: 'http://walletgate.test' }],
    ['a prefix trick', { origin: 'https://walletgate.test.evil.example' }],
    ['no Origin, cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin, same-site fetch', { 'sec-fetch-site': 'same-site' }],
    ['a bearer token next to the session cookie', { authorization: 'Bearer x', cookie: 'walletgate_session=abc', origin: 'https://evil.example' }],
  ])('refuses %s', (_, headers) => {
    expect(crossOriginReason(req('POST', headers), APP)).not.toBeNull();
    expect(crossOriginReason(req('DELETE', headers), APP)).not.toBeNull();
  });
  it('a bearer-token client without the cookie is not checked', () => {
    expect(crossOriginReason(req('POST', { authorization: 'Bearer x.y.z', origin: 'https://other.example' }), APP)).toBeNull();
    expect(crossOriginReason(req('POST', { authorization: 'Bearer x.y.z', cookie: 'other=1' }), APP)).toBeNull();
  });
});
