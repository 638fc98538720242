/** Session rows: the one-round-trip lookup (revoked, expired, foreign → null) and the purge of expired rows. */
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db';
import type { PrismaClient } from '../db';
import { purgeExpired } from './nonces';
import { sessionFromDb } from './session';
import { loadSessionContext } from './session-context';
import type { SessionData } from './session-cookie';

let prisma: PrismaClient;
const data = (sid: string, userId = 'u1'): SessionData => ({ sid, userId, chain: 'ethereum', address: '0xold', exp: Date.now() + 60_000 });

describe('session rows', () => {
  beforeAll(async () => {
    prisma = await freshDatabase();
    await prisma.user.create({ data: { id: 'u1' } });
    await prisma.wallet.create({ data: { id: 'w1', userId: 'u1', chain: 'ethereum', address: '0xe1', caip10: 'eip155:1:0xe1', createdAt: new Date(1000) } });
    await prisma.wallet.create({ data: { id: 'w2', userId: 'u1', chain: 'near', address: 'alice.near', caip10: 'near:mainnet:alice.near', createdAt: new Date(2000) } });
    await prisma.profile.create({ data: { userId: 'u1', displayName: 'Ada', bio: 'hi', updatedAt: new Date() } });
    await prisma.session.create({ data: { id: 'live', userId: 'u1', walletId: 'w2', expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.session.create({ data: { id: 'old', userId: 'u1', walletId: 'w1', expiresAt: new Date(Date.now() - 1) } });
  });

  it('one lookup gives the row, every wallet (oldest first) and the profile; the wallet comes from the row', async () => {
    expect(await loadSessionContext(data('live'))).toEqual({
      session: { ...data('live'), exp: expect.any(Number), walletId: 'w2', chain: 'near', address: 'alice.near' },
      wallets: [
        { id: 'w1', chain: 'ethereum', address: '0xe1' },
        { id: 'w2', chain: 'near', address: 'alice.near' },
      ],
      profile: { displayName: 'Ada', bio: 'hi' },
    });
    expect(await sessionFromDb(data('live'))).toMatchObject({ sid: 'live', walletId: 'w2' });
  });

  it('revoked (no row), expired, or another user\'s row: null', async () => {
    expect(await loadSessionContext(data('gone'))).toBeNull();
    expect(await loadSessionContext(data('old'))).toBeNull();
    expect(await loadSessionContext(data('live', 'u2'))).toBeNull();
  });

  it('purges expired rows only, at most once a minute unless forced', async () => {
    expect((await purgeExpired(new Date(), true)).sessions).toBe(1);
    expect((await purgeExpired(new Date())).sessions).toBe(0);
    expect(await prisma.session.findMany({ select: { id: true } })).toEqual([{ id: 'live' }]);
  });
});
