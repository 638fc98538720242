/**
 * docs/verification-core.md embeds every docs/examples/*.ts verbatim (so page and code cannot drift), and every
 * example runs: each chain's real-key sign-in verifies, and a tampered copy of the wallet's answer does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResult } from '../../lib/auth/core';
import type { Tamper } from '../../docs/examples/relying-party';
import { server } from '../../docs/examples/server';

const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url));
const page = readFileSync(`${docsDir}verification-core.md`, 'utf8');
const exampleFiles = readdirSync(`${docsDir}examples`).filter((f) => f.endsWith('.ts'));

type Example = { example: (tamper?: Tamper) => Promise<SignInResult> };
const EXAMPLES: Record<string, () => Promise<Example>> = {
  ethereum: () => import('../../docs/examples/ethereum'),
  cardano: () => import('../../docs/examples/cardano'),
  near: () => import('../../docs/examples/near'),
  tezos: () => import('../../docs/examples/tezos'),
  ergo: () => import('../../docs/examples/ergo'),
};

describe('docs/verification-core.md', () => {
  it('has one example per chain, the shared relying party and the server', () => {
    expect(exampleFiles.sort()).toEqual(['cardano.ts', 'ergo.ts', 'ethereum.ts', 'near.ts', 'relying-party.ts', 'server.ts', 'tezos.ts']);
  });

  for (const file of exampleFiles)
    it(`embeds docs/examples/${file} verbatim in a ts block`, () => {
      const text = readFileSync(`${docsDir}examples/${file}`, 'utf8');
      expect(page.includes('```ts\n' + text + '```\n')).toBe(true);
    });

  it('keeps each chain example under 30 lines', () => {
    for (const chain of Object.keys(EXAMPLES))
      expect(readFileSync(`${docsDir}examples/${chain}.ts`, 'utf8').trimEnd().split('\n').length).toBeLessThan(30);
  });
});

describe('docs examples run', () => {
  for (const [chain, load] of Object.entries(EXAMPLES)) {
    it(`${chain}: a real-key sign-in verifies`, async () => {
      const r = await (await load()).example();
      expect(r).toMatchObject({ ok: true, account: { chain } });
    });

    it(`${chain}: a changed message or signature is refused`, async () => {
      const { example } = await load();
      const changedText = await example((b) => ({ ...b, message: String(b.message).replace('Sign in to Example.', 'Sign in to Exampl3.') }));
      expect(changedText).toMatchObject({ ok: false, code: 'invalid_signature' });
      let other: Record<string, unknown> = {};
      await example((b) => (other = b)); // a second run: another key, another request
      const foreignSignature = await example((b) => ({ ...b, signature: other.signature, publicKey: other.publicKey }));
      expect(foreignSignature.ok).toBe(false);
    });
  }
});

describe('docs/examples/server.ts (node:http)', () => {
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('signs in once; the replay, a bad body and a bad chain get 4xx with a code', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey());
    const issued = await post('/nonce', { chain: 'ethereum', address: wallet.address });
    expect(issued.status).toBe(200);
    const signature = await wallet.signMessage({ message: issued.body.message });
    const answer = { chain: 'ethereum', address: wallet.address, message: issued.body.message, signature };
    expect(await post('/verify', answer)).toMatchObject({ status: 200, body: { account: { chain: 'ethereum', address: wallet.address } } });
    expect(await post('/verify', answer)).toMatchObject({ status: 409, body: { error: { code: 'nonce_mismatch' } } });
    expect(await post('/verify', { chain: 'ethereum' })).toMatchObject({ status: 400, body: { error: { code: 'malformed_input' } } });
    expect(await post('/nonce', { chain: 'dogecoin', address: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'unsupported_chain' } } });
  });
});
