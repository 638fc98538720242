/** A fresh database per test file: in-memory PGlite, or Postgres when asked (TEST_DATABASE_URL). */
import { afterAll } from 'vitest';
import { openDatabase, useDatabase } from '../../lib/db';

export async function freshDatabase(url = 'memory://') {
  const db = await openDatabase(url);
  useDatabase(db);
  afterAll(async () => {
    useDatabase(undefined);
    await db.close();
  });
  return db.prisma;
}

export const postgresUrl = process.env.TEST_DATABASE_URL;
