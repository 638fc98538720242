import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, tooManyAttempts } from './api';

afterEach(() => vi.unstubAllGlobals());

describe('the browser API client on a 429', () => {
  it('says "Too many attempts — try again in N s" from Retry-After', async () => {
    const body = JSON.stringify({ error: { code: 'rate_limited', message: 'Too many attempts — try again in 42 s.' } });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 429, headers: { 'retry-after': '42', 'content-type': 'application/json' } }));
    const err = await api('/api/auth/nonce', { chain: 'ethereum', address: '0x1' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429, message: 'Too many attempts — try again in 42 s.' });
  });

  it('words a 429 from a proxy (no JSON body, HTTP-date or missing Retry-After) the same way', () => {
    expect(tooManyAttempts(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe('Too many attempts — try again in 5 s.');
    expect(tooManyAttempts(null)).toBe('Too many attempts — try again in a moment.');
    expect(tooManyAttempts('soon')).toBe('Too many attempts — try again in a moment.');
  });
});
