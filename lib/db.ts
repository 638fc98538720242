/**
 * Prisma client singleton. DATABASE_URL unset -> embedded PGlite under PGLITE_DATA_DIR (memory:// for tests);
 * a postgres:// URL -> node-postgres. Pending migrations are applied on first use, never at build time.
 */
import { mkdirSync } from 'node:fs';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';
import { applyMigrations, type SqlRunner } from './db/migrate';

type Db = { prisma: PrismaClient; close(): Promise<void> };

async function openPglite(dataDir: string | undefined): Promise<Db & { sql: SqlRunner }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const sql: SqlRunner = {
    exec: async (text) => void (await client.exec(text)),
    query: async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[],
  };
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(client) }), sql, close: () => client.close() };
}

async function openPostgres(url: string): Promise<Db & { sql: SqlRunner }> {
  const { Pool } = await import('pg');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const pool = new Pool({ connectionString: url, max: 10 });
  const sql: SqlRunner = {
    exec: async (text) => void (await pool.query(text)),
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
  };
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), sql, close: () => pool.end() };
}

/** Opens a database and applies pending migrations. Tests call this directly with their own URL. */
export async function openDatabase(url: string | undefined, pgliteDir?: string): Promise<Db> {
  const db = url?.startsWith('postgres') ? await openPostgres(url) : await openPglite(url === 'memory://' ? undefined : pgliteDir);
  await applyMigrations(db.sql);
  return db;
}

const store = globalThis as unknown as { __walletgateDb?: Promise<Db> };

/** The app's database (one per process, shared by the proxy, pages and route handlers). */
export function db(): Promise<PrismaClient> {
  store.__walletgateDb ??= openDatabase(env().databaseUrl, env().pgliteDataDir).catch((e) => {
    store.__walletgateDb = undefined;
    throw e;
  });
  return store.__walletgateDb.then((d) => d.prisma);
}

/** Swaps the process database (tests). */
export function useDatabase(next: Db | undefined): void {
  store.__walletgateDb = next ? Promise.resolve(next) : undefined;
}

export type { PrismaClient };
