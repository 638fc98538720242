import { describe, expect, it } from 'vitest';
import { isStatement } from '../auth/message';
import { canonicalJson, paramsHash } from './canonical';
import { actionIntent, parseAction } from './registry';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
};

describe('actions registry', () => {
  it('parses profile.update: trims, defaults the bio, keeps unicode', () => {
    expect(parseAction('profile.update', { displayName: '  North Shore ', bio: ' Sailing. ' })).toEqual({ name: 'profile.update', params: { displayName: 'North Shore', bio: 'Sailing.' } });
    expect(parseAction('profile.update', { displayName: 'Zoë 🌊' }).params).toEqual({ displayName: 'Zoë 🌊', bio: '' });
    expect(parseAction('profile.update', { displayName: 'x'.repeat(40), bio: 'y'.repeat(280), extra: 1 }).params).toEqual({ displayName: 'x'.repeat(40), bio: 'y'.repeat(280) });
  });

  it.each([
    ['an unknown action', 'profile.delete', { displayName: 'A' }, /Unknown action/],
    ['a non-string action', 42, { displayName: 'A' }, /Unknown action/],
    ['a prototype key as action', 'constructor', { displayName: 'A' }, /Unknown action/],
    ['no params', 'profile.update', undefined, /params/],
    ['an empty name', 'profile.update', { displayName: '   ' }, /params.displayName.*empty/],
    ['a 41-character name', 'profile.update', { displayName: 'x'.repeat(41) }, /params.displayName.*at most 40/],
    ['a 281-character bio', 'profile.update', { displayName: 'A', bio: 'y'.repeat(281) }, /params.bio.*at most 280/],
    ['a line break', 'profile.update', { displayName: 'A', bio: 'one\ntwo' }, /params.bio.*line breaks/],
    ['a control character', 'profile.update', { displayName: 'A\u0007' }, /params.displayName/],
    ['a bidi override', 'profile.update', { displayName: 'abc\u202Efed' }, /params.displayName/],
    ['a line separator', 'profile.update', { displayName: 'a\u2028b' }, /params.displayName/],
    ['a number as name', 'profile.update', { displayName: 7 }, /params.displayName/],
  ])('refuses %s (malformed_input)', (_label, name, params, message) => {
    const result = code(() => parseAction(name, params));
    expect(result).toMatch(/^malformed_input: /);
    expect(result).toMatch(message);
  });

  it('renders the statement in words, naming every parameter', () => {
    const intent = actionIntent(parseAction('profile.update', { displayName: 'North Shore', bio: 'Sailing on weekends.' }), 'walletgate');
    expect(intent.statement).toBe("Confirm: update my walletgate profile - display name 'North Shore', bio 'Sailing on weekends.'");
    expect(intent.purpose).toBe('action:profile.update');
    expect(actionIntent(parseAction('profile.update', { displayName: 'A' }), 'walletgate').statement).toBe("Confirm: update my walletgate profile - display name 'A', no bio");
    // EIP-4361's statement ABNF is ASCII: a value outside it is named, not quoted (the params hash still binds it).
    const zoe = actionIntent(parseAction('profile.update', { displayName: 'Zoë 🌊', bio: 'a "quote"' }), 'walletgate').statement;
    expect(zoe).toBe('Confirm: update my walletgate profile - display name (as shown in the app), bio (as shown in the app)');
    expect(isStatement(zoe)).toBe(true);
  });

  it('binds the parameters: resources carry the action and the hash of the canonical params', () => {
    const a = actionIntent(parseAction('profile.update', { displayName: 'A', bio: 'x' }), 'walletgate');
    const b = actionIntent(parseAction('profile.update', { displayName: 'B', bio: 'x' }), 'walletgate');
    expect(a.resources[0]).toBe('urn:walletgate:action:profile.update');
    expect(a.resources[1]).toMatch(/^urn:walletgate:params:sha256:[0-9a-f]{64}$/);
    expect(a.resources[1]).not.toBe(b.resources[1]);
    // Same parameters, other spelling (order, padding): same hash.
    const c = actionIntent(parseAction('profile.update', { bio: ' x', displayName: 'A ' }), 'walletgate');
    expect(c.resources).toEqual(a.resources);
  });

  it('the longest parameters still fit one statement line of the message model', () => {
    const intent = actionIntent(parseAction('profile.update', { displayName: '"'.repeat(40), bio: '"'.repeat(280) }), 'x'.repeat(64));
    expect(intent.statement.length).toBeLessThanOrEqual(512);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and is stable', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: true, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":null,"f":true}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('has a known-answer hash', () => {
    // printf '%s' '{"bio":"","displayName":"North Shore"}' | sha256sum
    expect(paramsHash({ displayName: 'North Shore', bio: '' })).toBe('7b474ed92111f3328149fbe8909a83b7d97cc20f153c1b5788daac9ecd7f764d');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});
