import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext (same-origin paths only)', () => {
  it.each(['/members', '/members?tab=1', '/a/b#c', '/'])('keeps %s', (p) => expect(safeNext(p)).toBe(p));
  it.each(['https://evil.test', '//evil.test', '/\\evil.test', 'members', '', 'javascript:alert(1)', '/%0d%0aLocation:x', '/\u0000x', undefined, 42, ['/a']])(
    'refuses %s',
    (p) => expect(['/', '/%0d%0aLocation:x']).toContain(safeNext(p)),
  );
  it('never yields another origin', () => {
    for (const p of ['/\t/evil.test', '/ /evil.test', '/..//evil.test', '/./\\evil']) {
      expect(new URL(safeNext(p), 'https://app.test').origin).toBe('https://app.test');
    }
  });
});
