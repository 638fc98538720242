/**
 * Fails when prisma/schema.prisma and prisma/migrations drift apart: the migrations are applied to an empty
 * database and what Postgres reports (columns, types, nullability, defaults, keys, indexes, foreign keys) must be
 * exactly what the schema declares. Also checks the runner is idempotent and records Prisma-compatible rows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, listMigrations, type SqlRunner } from '../../lib/db/migrate';
import { readPrismaSchema, type Table } from './prisma-schema';

const pg = new PGlite();
const sql: SqlRunner = {
  exec: async (t) => void (await pg.exec(t)),
  query: async (t, p) => (await pg.query(t, p)).rows as Record<string, unknown>[],
};

async function introspect(): Promise<Table[]> {
  const cols = await sql.query(`SELECT table_name t, column_name c, data_type d, is_nullable n, column_default f, datetime_precision dp, numeric_precision np, numeric_scale ns
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`);
  const idx = await sql.query(`SELECT t.relname t, ix.indisprimary p, ix.indisunique u,
      array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o), ',') cols
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  const fks = await sql.query(`SELECT tc.table_name t, string_agg(kcu.column_name, ',') cols, ccu.table_name r, rc.delete_rule d
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
    JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
    WHERE tc.constraint_type = 'FOREIGN KEY' GROUP BY tc.table_name, ccu.table_name, rc.delete_rule, tc.constraint_name`);
  const type = (r: Record<string, unknown>) =>
    r.d === 'timestamp with time zone' ? `timestamptz(${r.dp})` : r.d === 'timestamp without time zone' ? `timestamp(${r.dp})` : r.d === 'numeric' ? `numeric(${r.np},${r.ns})` : String(r.d);
  const names = [...new Set(cols.map((r) => String(r.t)))];
  return names.map((name) => ({
    name,
    columns: cols.filter((r) => r.t === name).map((r) => ({ name: String(r.c), type: type(r), nullable: r.n === 'YES', hasDefault: r.f !== null })),
    primaryKey: String(idx.find((i) => i.t === name && i.p)?.cols ?? '').split(',').filter(Boolean),
    uniques: idx.filter((i) => i.t === name && i.u && !i.p).map((i) => String(i.cols).split(',')),
    indexes: idx.filter((i) => i.t === name && !i.u).map((i) => String(i.cols).split(',')),
    foreignKeys: fks.filter((f) => f.t === name).map((f) => ({ columns: String(f.cols).split(','), references: String(f.r), onDelete: String(f.d) })),
  }));
}

const canonical = (tables: Table[]) =>
  tables
    .map((t) => ({
      ...t,
      columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)),
      uniques: t.uniques.map(String).sort(),
      indexes: t.indexes.map(String).sort(),
      foreignKeys: t.foreignKeys.map((f) => `${f.columns}->${f.references} ON DELETE ${f.onDelete}`).sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('schema.prisma and prisma/migrations agree', () => {
  beforeAll(async () => void (await applyMigrations(sql)));
  afterAll(() => pg.close());

  it('the applied migrations match the schema exactly', async () => {
    const declared = readPrismaSchema(readFileSync('prisma/schema.prisma', 'utf8'));
    expect(declared.length).toBeGreaterThan(0);
    expect(canonical(await introspect())).toEqual(canonical(declared));
  });

  it('the reader sees a drift (a column the migrations do not have)', async () => {
    const declared = readPrismaSchema(readFileSync('prisma/schema.prisma', 'utf8').replace('model User {\n', 'model User {\n  nickname String?\n'));
    expect(canonical(await introspect())).not.toEqual(canonical(declared));
  });

  it('applying again does nothing, and rows are Prisma-compatible', async () => {
    expect(await applyMigrations(sql)).toEqual([]);
    const rows = await sql.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"');
    expect(rows.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(String(r.checksum)))).toBe(true);
  });

  it('refuses a migration edited after it was applied', async () => {
    await sql.query('UPDATE "_prisma_migrations" SET checksum = $1', ['0'.repeat(64)]);
    await expect(applyMigrations(sql)).rejects.toThrow(/changed after it was applied/);
  });
});
