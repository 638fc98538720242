/**
 * proxy.ts's gate() on real rows (in-memory PGlite, demo ledger) and a real sealed iron-session cookie:
 * a revoked, expired or foreign session is anonymous; "holdings unreadable" is a 503 document; a holder's request is
 * forwarded with a context the page accepts only for this cookie; a client's own copy of that header is dropped.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { sealData } from 'iron-session';
import { gate } from '../../proxy';
import { FORWARDED_SESSION_HEADER, openForwardedSession } from '../../lib/auth/forwarded-session';
import { SESSION_COOKIE, type SessionData } from '../../lib/auth/session-cookie';
import { env, loadEnv } from '../../lib/env';
import { setDemoBalance } from '../../lib/gate/demo-ledger';
import { gateRules } from '../../lib/gate/gate';
import { clearHoldingsCache } from '../../lib/gate/holdings-service';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '../../lib/db';

let prisma: PrismaClient;
const rule = () => gateRules().find((r) => r.chain === 'ethereum')!;
let n = 0;

async function signedIn(o: { hold?: boolean; expiresInMs?: number } = {}) {
  const id = `u${++n}`;
  const address = `0x${String(n).padStart(40, '0')}`;
  await prisma.user.create({ data: { id } });
  await prisma.wallet.create({ data: { id: `w${n}`, userId: id, chain: 'ethereum', address, caip10: `eip155:1:${address}` } });
  await prisma.session.create({ data: { id: `s${n}`, userId: id, walletId: `w${n}`, expiresAt: new Date(Date.now() + (o.expiresInMs ?? 60_000)) } });
  if (o.hold) await setDemoBalance(rule(), address, 1n);
  const data: SessionData = { sid: `s${n}`, userId: id, chain: 'ethereum', address, exp: Date.now() + 3_600_000 };
  const cookie = await sealData(data, { password: env().sessionSecret, ttl: env().sessionTtlSeconds });
  return { data, cookie, sid: `s${n}`, userId: id };
}

const request = (cookie?: string, extra: Record<string, string> = {}) =>
  new NextRequest('https://walletgate.test/members?tab=1', { headers: { ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}), ...extra } });
const forwarded = (res: Response) => res.headers.get(`x-middleware-request-${FORWARDED_SESSION_HEADER}`);

describe('proxy gate()', () => {
  beforeAll(async () => void (prisma = await freshDatabase()));
  beforeEach(() => clearHoldingsCache());
  afterEach(() => void ((globalThis as { __walletgateEnv?: unknown }).__walletgateEnv = undefined));

  it('anonymous -> sign-in, keeping where the visitor was going', async () => {
    const res = await gate(request());
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('https://walletgate.test/sign-in?next=%2Fmembers%3Ftab%3D1');
  });

  it('a cookie whose session row was revoked (sign-out), expired, or belongs to someone else is anonymous', async () => {
    const revoked = await signedIn({ hold: true });
    await prisma.session.delete({ where: { id: revoked.sid } });
    const expired = await signedIn({ hold: true, expiresInMs: -1 });
    const other = await signedIn({ hold: true });
    const foreign = await sealData({ ...other.data, userId: revoked.userId }, { password: env().sessionSecret });
    for (const cookie of [revoked.cookie, expired.cookie, foreign, 'not-a-sealed-cookie']) {
      const res = await gate(request(cookie));
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toMatch(/\/sign-in\?next=/);
    }
  });

  it('signed in without the asset -> no-access', async () => {
    const { cookie } = await signedIn();
    const res = await gate(request(cookie));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('https://walletgate.test/no-access');
  });

  it('holdings unreadable -> a real 503 page, never the members page', async () => {
    const { cookie } = await signedIn({ hold: true });
    (globalThis as { __walletgateEnv?: unknown }).__walletgateEnv = loadEnv({ ...process.env, DEMO_MODE: 'false' }); // no source at all
    const res = await gate(request(cookie));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-middleware-next')).toBeNull();
    expect(await res.text()).toContain('We can’t check your holdings right now');
  });

  it('holder -> forwarded, with a context that opens for this cookie only', async () => {
    const { cookie, userId } = await signedIn({ hold: true });
    const res = await gate(request(cookie));
    expect(res.headers.get('x-middleware-next')).toBe('1');
    const context = openForwardedSession(forwarded(res), cookie);
    expect(context).toMatchObject({ session: { userId, walletId: expect.any(String) }, wallets: [{ chain: 'ethereum' }], profile: null });
    expect(openForwardedSession(forwarded(res), (await signedIn()).cookie)).toBeNull();
  });

  it("drops a client's own copy of the header: replaced for a holder, removed on every other path", async () => {
    const forged = { [FORWARDED_SESSION_HEADER]: 'forged.value' };
    const holder = await signedIn({ hold: true });
    const res = await gate(request(holder.cookie, forged));
    expect(forwarded(res)).not.toBe('forged.value');
    expect(openForwardedSession(forwarded(res), holder.cookie)).not.toBeNull();
    const headers = new Headers(forged);
    await gate(request(undefined, forged), headers);
    expect(headers.has(FORWARDED_SESSION_HEADER)).toBe(false);
  });
});
