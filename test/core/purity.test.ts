/**
 * The verification core must run in any Node server: nothing reachable from lib/auth/core.ts may import Next.js,
 * Prisma (or the generated client), iron-session, server-only, React or lib/db — statically or through import().
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { walkImports } from './import-graph';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = 'test/core/fixtures/graph';

describe('lib/auth/core.ts is framework-free', () => {
  const graph = walkImports('lib/auth/core.ts', ROOT);

  it('walks the whole graph: every verifier and the message model', () => {
    for (const chain of ['ethereum', 'cardano', 'near', 'tezos', 'ergo']) expect(graph.files).toContain(`lib/chains/${chain}/verifier.ts`);
    expect(graph.files).toContain('lib/auth/message.ts');
    expect(graph.unresolved).toEqual([]);
  });

  it('reaches no forbidden module', () => {
    expect(graph.violations).toEqual([]);
  });

  it('has no dynamic import the walk cannot follow', () => {
    expect(graph.opaque).toEqual([]);
  });
});

describe('the walker can fail (fixture graphs)', () => {
  it('passes a clean graph', () => {
    const g = walkImports(`${FIXTURES}/clean-entry.ts`, ROOT);
    expect(g.files).toEqual([`${FIXTURES}/clean-entry.ts`, `${FIXTURES}/clean-helper.ts`]);
    expect(g.violations).toEqual([]);
  });

  it('finds next/server two hops behind a dynamic import and an @/ import', () => {
    const g = walkImports(`${FIXTURES}/dirty-entry.ts`, ROOT);
    expect(g.files).toContain(`${FIXTURES}/deep/lazy.ts`);
    expect(g.violations).toEqual([{ from: `${FIXTURES}/deep/server-thing.ts`, specifier: 'next/server', resolved: undefined, rule: 'Next.js' }]);
  });

  it('finds lib/db through an @/ alias, even type-only', () => {
    const g = walkImports(`${FIXTURES}/db-entry.ts`, ROOT);
    expect(g.violations).toMatchObject([{ specifier: '@/lib/db', resolved: 'lib/db.ts', rule: 'lib/db (database)' }]);
  });

  it('reports an import(expression) it cannot follow', () => {
    const g = walkImports(`${FIXTURES}/opaque-entry.ts`, ROOT);
    expect(g.opaque).toEqual([{ from: `${FIXTURES}/opaque-entry.ts`, text: 'import(name)' }]);
  });
});
