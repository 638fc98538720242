/** The proxy → page header: accepted only intact, unexpired, for the same cookie and under this deployment's secret. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { openForwardedSession, sealForwardedSession } from './forwarded-session';
import type { SessionContext } from './session-context';

const context: SessionContext = {
  session: { sid: 's1', userId: 'u1', walletId: 'w1', chain: 'ethereum', address: '0x00000000000000000000000000000000000000e1', exp: Date.now() + 60_000 },
  wallets: [{ id: 'w1', chain: 'ethereum', address: '0x00000000000000000000000000000000000000e1' }],
  profile: { displayName: 'Ada', bio: 'hi' },
};
const cookie = 'Fe26.2**sealed-cookie-value';
const now = 1_800_000_000_000;
const sealed = sealForwardedSession(context, cookie, now)!;
const store = globalThis as { __walletgateEnv?: unknown };

afterEach(() => void (store.__walletgateEnv = undefined));

describe('forwarded session header', () => {
  it('round-trips for the same cookie within its lifetime', () => {
    expect(openForwardedSession(sealed, cookie, now + 9_000)).toEqual(context);
  });

  it('refuses another cookie, no cookie, expiry, and absence', () => {
    expect(openForwardedSession(sealed, `${cookie}x`, now)).toBeNull();
    expect(openForwardedSession(sealed, undefined, now)).toBeNull();
    expect(openForwardedSession(sealed, cookie, now + 10_000)).toBeNull();
    expect(openForwardedSession(null, cookie, now)).toBeNull();
  });

  it('refuses any change to the body or the MAC, and garbage, without throwing', () => {
    const [body, tag] = sealed.split('.');
    const forgedBody = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"u1"', '"u2"')).toString('base64url');
    expect(openForwardedSession(`${forgedBody}.${tag}`, cookie, now)).toBeNull();
    const flipped = Buffer.from(tag, 'base64url');
    flipped[0] ^= 1;
    expect(openForwardedSession(`${body}.${flipped.toString('base64url')}`, cookie, now)).toBeNull();
    expect(openForwardedSession(`${body}.${tag.slice(0, 10)}`, cookie, now)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${body}.`, `.${tag}`, `${sealed}.x`, '%%%.%%%', 'x'.repeat(9000)]) expect(openForwardedSession(junk, cookie, now)).toBeNull();
  });

  it('refuses a value sealed under another SESSION_SECRET', () => {
    store.__walletgateEnv = loadEnv({ ...process.env, SESSION_SECRET: 'another-session-secret-0123456789abcdefghij' });
    expect(openForwardedSession(sealed, cookie, now)).toBeNull();
    expect(openForwardedSession(sealForwardedSession(context, cookie, now), cookie, now)).toEqual(context);
  });

  it('is not made when the context would be too large to forward (the page then looks it up itself)', () => {
    const many = { ...context, wallets: Array.from({ length: 200 }, (_, i) => ({ ...context.wallets[0], id: `w${i}` })) };
    expect(sealForwardedSession(many, cookie, now)).toBeNull();
  });
});
