import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUrl } from '../../test/helpers/db';
import { randomUUID } from 'node:crypto';
import { consumeNonce, hashMessage, newNonce, purgeExpired, purgeExpiredNonces, storeNonce, type NonceBinding } from './nonces';

const binding: NonceBinding = { chain: 'ethereum', address: '0xAbC0000000000000000000000000000000000001', purpose: 'sign-in' };
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

for (const [name, url] of [['PGlite', 'memory://'], ['Postgres', postgresUrl]] as const) {
  describe.skipIf(!url)(`nonce store on ${name}`, () => {
    let prisma: Awaited<ReturnType<typeof freshDatabase>>;
    beforeAll(async () => void (prisma = await freshDatabase(url)));

    it('makes >= 96-bit alphanumeric nonces', () => {
      const nonces = new Set(Array.from({ length: 1000 }, newNonce));
      expect(nonces.size).toBe(1000);
      for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9]{22}$/); // 22 * log2(62) = 131 bits
    });

    it('is single use', async () => {
      const n = newNonce();
      await storeNonce(n, binding, 'msg', new Date(), minutes(5));
      expect(await consumeNonce(n, binding, 'msg')).toBe(true);
      expect(await consumeNonce(n, binding, 'msg')).toBe('nonce_mismatch');
    });

    it('is bound to chain, address, purpose, user and the exact message', async () => {
      const n = newNonce();
      await storeNonce(n, binding, 'msg', new Date(), minutes(5));
      expect(await consumeNonce(n, { ...binding, chain: 'near' }, 'msg')).toBe('nonce_mismatch');
      expect(await consumeNonce(n, { ...binding, address: binding.address.toLowerCase() }, 'msg')).toBe('nonce_mismatch');
      expect(await consumeNonce(n, { ...binding, purpose: 'link' }, 'msg')).toBe('nonce_mismatch');
      expect(await consumeNonce(n, { ...binding, userId: 'someone' }, 'msg')).toBe('nonce_mismatch');
      expect(await consumeNonce(n, binding, 'msg ')).toBe('nonce_mismatch');
      expect(await consumeNonce(n, binding, 'msg')).toBe(true);
    });

    it('says expired once past its TTL, and cannot be used', async () => {
      const n = newNonce();
      await storeNonce(n, binding, 'msg', minutes(-10), minutes(-5));
      expect(await consumeNonce(n, binding, 'msg')).toBe('expired');
      expect(await consumeNonce(n, binding, 'msg')).toBe('nonce_mismatch');
    });

    it('purges expired rows and keeps live ones', async () => {
      const live = newNonce();
      const dead = newNonce();
      await storeNonce(live, binding, 'a', new Date(), minutes(5));
      await storeNonce(dead, binding, 'b', minutes(-10), minutes(-1));
      expect(await purgeExpiredNonces(new Date(), true)).toBeGreaterThanOrEqual(1);
      expect(await consumeNonce(dead, binding, 'b')).toBe('nonce_mismatch');
      expect(await consumeNonce(live, binding, 'a')).toBe(true);
    });

    it('stays bounded under a flood: expired rows go at the next purge, live ones stay', async () => {
      const flood = Array.from({ length: 100 }, (_, i) => ({ value: newNonce(), i }));
      for (const { value, i } of flood) await storeNonce(value, { ...binding, address: `0xf${i}` }, 'flood', minutes(-10), minutes(-1));
      const live = newNonce();
      await storeNonce(live, binding, 'live', new Date(), minutes(5));
      await purgeExpired(new Date(), true);
      expect(await prisma.nonce.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
      expect(await consumeNonce(live, binding, 'live')).toBe(true);
    });

    it('purges expired sessions (cookie and token rows) and keeps live ones', async () => {
      const userId = randomUUID();
      const walletId = randomUUID();
      await prisma.user.create({ data: { id: userId } });
      await prisma.wallet.create({ data: { id: walletId, userId, chain: 'ethereum', address: `0x${userId.slice(0, 8)}`, caip10: `eip155:1:0x${userId.slice(0, 8)}` } });
      await prisma.session.createMany({
        data: [
          { id: `dead-${userId}`, userId, walletId, expiresAt: minutes(-1) },
          { id: `live-${userId}`, userId, walletId, expiresAt: minutes(60) },
        ],
      });
      expect((await purgeExpired(new Date(), true)).sessions).toBeGreaterThanOrEqual(1);
      expect(await prisma.session.findMany({ where: { userId }, select: { id: true } })).toEqual([{ id: `live-${userId}` }]);
    });

    it('20 parallel consumes: exactly one wins', async () => {
      const n = newNonce();
      await storeNonce(n, binding, 'race', new Date(), minutes(5));
      const results = await Promise.all(Array.from({ length: 20 }, () => consumeNonce(n, binding, 'race')));
      expect(results.filter((r) => r === true)).toHaveLength(1);
    });

    it("a wallet template (Kukai) spends it without the message hash, once, bound the same way and to its lifetime", async () => {
      const n = newNonce();
      const issuedAt = new Date();
      await storeNonce(n, binding, 'the CAIP-122 text we issued', issuedAt, minutes(5));
      const signedAt = (ms: number) => ({ signedAt: new Date(issuedAt.getTime() + ms), clockSkewSeconds: 30 });
      expect(await consumeNonce(n, { ...binding, purpose: 'link' }, 'kukai text', new Date(), signedAt(1000))).toBe('nonce_mismatch');
      expect(await consumeNonce(n, { ...binding, chain: 'tezos' }, 'kukai text', new Date(), signedAt(1000))).toBe('nonce_mismatch');
      // Signed (by the wallet's clock) before the nonce existed, beyond the skew.
      expect(await consumeNonce(n, binding, 'kukai text', new Date(), signedAt(-31_000))).toBe('not_yet_valid');
      expect(await consumeNonce(n, binding, 'kukai text', new Date(), signedAt(-29_000))).toBe(true);
      expect(await consumeNonce(n, binding, 'kukai text', new Date(), signedAt(1000))).toBe('nonce_mismatch');
    });

    it('stores only the message hash', () => {
      expect(hashMessage('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });
  });
}
