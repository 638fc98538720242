/** SESSION_SECRET rotation: a comma-separated list, newest first — the newest seals and signs, every one opens. */
import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { passwordId, passwordMap, readSessionCookie, type SessionData } from './session-cookie';
import { readToken, signToken, type TokenConfig } from './tokens';

const OLD = 'old-secret-0123456789abcdefghijklmnop';
const NEW = 'new-secret-0123456789abcdefghijklmnop';
const OTHER = 'other-secret-0123456789abcdefghijklmn';
const data: SessionData = { sid: 's1', userId: 'u1', chain: 'ethereum', address: '0xabc', exp: Date.now() + 3_600_000 };

describe('SESSION_SECRET as a list', () => {
  it('parses newest first, each at least 32 characters, no repeats', () => {
    expect(loadEnv({ SESSION_SECRET: `${NEW}, ${OLD}` }).sessionSecrets).toEqual([NEW, OLD]);
    expect(loadEnv({ SESSION_SECRET: NEW }).sessionSecret).toBe(NEW);
    expect(() => loadEnv({ SESSION_SECRET: `${NEW},short` })).toThrow(/SESSION_SECRET.*at least 32/s);
    expect(() => loadEnv({ SESSION_SECRET: `${NEW},` })).toThrow(/SESSION_SECRET/);
    expect(() => loadEnv({ SESSION_SECRET: `${NEW},${NEW}` })).toThrow(/same secret twice/);
  });
});

describe('session cookies across a rotation (iron-session password map)', () => {
  const sealWith = (secret: string, id = passwordId(secret)) => sealData(data, { password: { [id]: secret }, ttl: 3600 });

  it('a cookie sealed with the old secret opens while the old secret is listed, and not after it is dropped', async () => {
    const cookie = await sealWith(OLD);
    expect(await readSessionCookie(cookie, [NEW, OLD])).toMatchObject({ sid: 's1' });
    expect(await readSessionCookie(cookie, [NEW])).toBeNull();
    expect(await readSessionCookie(cookie, [OTHER, NEW])).toBeNull();
  });
  it('a cookie sealed with the new secret keeps opening when the list shrinks to it', async () => {
    const cookie = await sealWith(NEW);
    expect(await readSessionCookie(cookie, [NEW, OLD])).toMatchObject({ sid: 's1' });
    expect(await readSessionCookie(cookie, [NEW])).toMatchObject({ sid: 's1' });
  });
  it('a cookie sealed before lists existed (id 1) opens with the oldest listed secret only', async () => {
    const legacy = await sealData(data, { password: OLD, ttl: 3600 }); // a plain string password is id 1
    expect(await readSessionCookie(legacy, [NEW, OLD])).toMatchObject({ sid: 's1' });
    expect(await readSessionCookie(legacy, [OLD, NEW])).toBeNull();
    expect(passwordMap([NEW, OLD])[1]).toBe(OLD);
  });
  it('ids are stable per secret and never 1', () => {
    expect(passwordId(NEW)).toBe(passwordId(NEW));
    expect(passwordId(NEW)).not.toBe(passwordId(OLD));
    expect(passwordId(NEW)).toBeGreaterThan(1);
  });
});

describe('bearer tokens across a rotation (jose)', () => {
  const cfg = (secret: string, previousSecrets: string[] = []): TokenConfig => ({ secret, previousSecrets, origin: 'https://walletgate.test', ttlSeconds: 900 });
  const claims = { userId: 'u1', sid: 's1', walletId: 'w1' };
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e as { code: string }).code);

  it('a token signed with the old secret verifies while it is listed, not after', async () => {
    const { token } = await signToken(claims, cfg(OLD));
    expect(await readToken(token, cfg(NEW, [OLD]))).toMatchObject(claims);
    expect(await code(readToken(token, cfg(NEW)))).toBe('unauthenticated');
    expect(await code(readToken(token, cfg(NEW, [OTHER])))).toBe('unauthenticated');
  });
  it('new tokens are signed with the newest secret only', async () => {
    const { token } = await signToken(claims, cfg(NEW, [OLD]));
    expect(await readToken(token, cfg(NEW))).toMatchObject(claims);
    expect(await code(readToken(token, cfg(OLD)))).toBe('unauthenticated');
  });
  it('an old-secret token that fails another check (expired) is refused, not retried into success', async () => {
    const t0 = new Date('2026-11-21T12:00:00Z');
    const { token } = await signToken(claims, cfg(OLD), t0);
    await expect(readToken(token, cfg(NEW, [OLD]), new Date(t0.getTime() + 3_600_000))).rejects.toThrow(/expired/);
  });
});
