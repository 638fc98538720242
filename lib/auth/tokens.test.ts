import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db';
import { unlinkWallet } from '../account/wallets';
import type { PrismaClient } from '../db';
import { issueTokenSession, readToken, sessionFromToken, signToken, tokenKey, type TokenConfig } from './tokens';

const cfg: TokenConfig = { secret: 'token-test-secret-0123456789abcdefghij', origin: 'https://walletgate.test', ttlSeconds: 900 };
const claims = { userId: 'u1', sid: 's1', walletId: 'w1' };
const T0 = new Date('2026-11-21T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; message: string }) => `${e.code}: ${e.message}`);

async function forge(payload: Record<string, unknown>, o: { secret?: string; iss?: string; aud?: string; exp?: number } = {}) {
  const iat = Math.floor(T0.getTime() / 1000);
  return new SignJWT({ sid: 's1', wid: 'w1', ...payload })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(o.iss ?? cfg.origin)
    .setAudience(o.aud ?? `${cfg.origin}/api`)
    .setSubject('u1')
    .setIssuedAt(iat)
    .setExpirationTime(o.exp ?? iat + 900)
    .sign(tokenKey(o.secret ?? cfg.secret));
}

describe('bearer tokens (JWT)', () => {
  it('a valid token reads back its claims', async () => {
    const { token, exp } = await signToken(claims, cfg, T0);
    expect(await readToken(token, cfg, at(10))).toEqual({ ...claims, exp });
    expect(exp).toBe(Math.floor(T0.getTime() / 1000) + 900);
  });

  it('the key is HKDF-derived, never the raw secret', async () => {
    const raw = await new SignJWT({ sid: 's1', wid: 'w1' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(cfg.origin).setAudience(`${cfg.origin}/api`).setSubject('u1').setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(cfg.secret));
    expect(await code(readToken(raw, cfg))).toMatch(/^unauthenticated: The bearer token is invalid/);
    expect(await code(readToken(await forge({}), cfg, at(1)))).toBe('ok');
  });

  it('expires after the TTL (5 s clock tolerance at most)', async () => {
    const { token } = await signToken(claims, cfg, T0);
    expect(await code(readToken(token, cfg, at(904)))).toBe('ok');
    expect(await code(readToken(token, cfg, at(906)))).toMatch(/^unauthenticated: .*expired/);
  });

  it('rejects a wrong audience and a wrong issuer', async () => {
    expect(await code(readToken(await forge({}, { aud: 'https://walletgate.test' }), cfg, at(1)))).toMatch(/^unauthenticated: .*aud/);
    expect(await code(readToken(await forge({}, { aud: 'https://evil.test/api' }), cfg, at(1)))).toMatch(/^unauthenticated: .*aud/);
    expect(await code(readToken(await forge({}, { iss: 'https://evil.test' }), cfg, at(1)))).toMatch(/^unauthenticated: .*iss/);
    // A token of another deployment (other origin, same secret) is refused too.
    const other = await signToken(claims, { ...cfg, origin: 'https://preview.walletgate.test' }, T0);
    expect(await code(readToken(other.token, cfg, at(1)))).toMatch(/^unauthenticated/);
  });

  it('rejects a tampered payload, a wrong key, alg "none" and garbage', async () => {
    const { token } = await signToken(claims, cfg, T0);
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'u2' })).toString('base64url')}.${s}`;
    expect(await code(readToken(tampered, cfg, at(1)))).toMatch(/^unauthenticated/);
    expect(await code(readToken(await forge({}, { secret: 'another-secret-0123456789abcdefghijklmn' }), cfg, at(1)))).toMatch(/^unauthenticated/);
    const none = new UnsecuredJWT({ sid: 's1', wid: 'w1' }).setIssuer(cfg.origin).setAudience(`${cfg.origin}/api`).setSubject('u1').setIssuedAt().setExpirationTime('5m').encode();
    expect(await code(readToken(none, cfg))).toMatch(/^unauthenticated/);
    for (const junk of ['', 'a.b.c', 'x'.repeat(5000), `${h}.${p}`]) expect(await code(readToken(junk, cfg))).toMatch(/^unauthenticated/);
  });

  it('requires the session and wallet claims', async () => {
    expect(await code(readToken(await forge({ wid: undefined }), cfg, at(1)))).toMatch(/^unauthenticated/);
    expect(await code(readToken(await forge({ sid: 42 }), cfg, at(1)))).toMatch(/^unauthenticated/);
  });
});

describe('bearer tokens are sessions (database)', () => {
  let prisma: PrismaClient;
  const userId = randomUUID();
  const [w1, w2] = [randomUUID(), randomUUID()];
  beforeAll(async () => {
    prisma = await freshDatabase();
    await prisma.user.create({ data: { id: userId } });
    for (const [id, address] of [[w1, '0x00000000000000000000000000000000000000b1'], [w2, '0x00000000000000000000000000000000000000b2']])
      await prisma.wallet.create({ data: { id, userId, chain: 'ethereum', address, caip10: `eip155:1:${address}` } });
  });

  it('a token names a live Session row that expires with the JWT', async () => {
    const issued = await issueTokenSession(userId, w1, cfg);
    const session = await sessionFromToken(issued.token, cfg);
    expect(session).toMatchObject({ userId, walletId: w1, chain: 'ethereum', address: '0x00000000000000000000000000000000000000b1' });
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.sid } });
    expect(row.expiresAt.toISOString()).toBe(issued.expiresAt);
  });

  it('is revoked once its session row is deleted (sign-out)', async () => {
    const { token } = await issueTokenSession(userId, w1, cfg);
    const { sid } = await sessionFromToken(token, cfg);
    await prisma.session.delete({ where: { id: sid } });
    expect(await code(sessionFromToken(token, cfg))).toMatch(/^unauthenticated: .*session has ended/);
  });

  it('dies when its wallet is unlinked (the row moves to another wallet: wid no longer matches)', async () => {
    const { token } = await issueTokenSession(userId, w2, cfg);
    expect(await code(sessionFromToken(token, cfg))).toBe('ok');
    await unlinkWallet(userId, w2);
    expect(await code(sessionFromToken(token, cfg))).toMatch(/^unauthenticated: .*no longer linked/);
  });
});
