import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../net/fetch-json';
import { createErgoHoldings } from './holdings';

const TOKEN = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const HOLDER = '9fRAWhdxEsTcdb8PhGNrZfwqa65zfkuYHAMmkQLcic1gdLSV5vA';
type Reply = { status?: number; body?: string; hang?: boolean };
const replies = new Map<string, Reply>();
const seen: string[] = [];
let server: Server;
let url: string;

const balance = (tokens: unknown) => JSON.stringify({ nanoErgs: 1_000_000_000, tokens });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const address = /^\/api\/v1\/addresses\/([^/]+)\/balance\/confirmed$/.exec(req.url ?? '')?.[1];
    const reply = replies.get(decodeURIComponent(address ?? '')) ?? { status: 404, body: '{"status":404}' };
    if (reply.hang) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const source = (timeoutMs = 2000) => createErgoHoldings({ url, timeoutMs });
const check = (address: string, reply: Reply, timeoutMs?: number) => {
  replies.set(address, reply);
  return source(timeoutMs).balance(address, { tokenId: TOKEN }, new AbortController().signal);
};

describe('ergo holdings (explorer /balance/confirmed)', () => {
  it('sums the token amounts of a holder as bigint', async () => {
    const body = balance([
      { tokenId: TOKEN, amount: 5, decimals: 0, name: 'Gate' },
      { tokenId: OTHER, amount: 99, decimals: 2, name: 'Other' },
      { tokenId: TOKEN.toUpperCase(), amount: 2, decimals: 0, name: 'Gate' },
    ]);
    expect(await check(HOLDER, { body })).toBe(7n);
    expect(seen.at(-1)).toBe(`/api/v1/addresses/${HOLDER}/balance/confirmed`);
  });

  it('returns 0 for a non-holder (empty and other tokens)', async () => {
    expect(await check('9nonholder1', { body: balance([]) })).toBe(0n);
    expect(await check('9nonholder2', { body: balance([{ tokenId: OTHER, amount: 1, decimals: 0, name: 'x' }]) })).toBe(0n);
  });

  it('throws on 429 and 5xx', async () => {
    await expect(check('9limited', { status: 429, body: '{}' })).rejects.toBeInstanceOf(UpstreamError);
    await expect(check('9broken', { status: 502, body: 'bad gateway' })).rejects.toBeInstanceOf(UpstreamError);
  });

  it('throws on a timeout', async () => {
    await expect(check('9slow', { hang: true }, 100)).rejects.toThrow(/did not answer/);
  });

  it('throws on garbage and wrong shapes, never returns 0', async () => {
    const bodies = [
      'not json', 'null', '[]', '{}', '{"nanoErgs":1}', '{"nanoErgs":1,"tokens":{}}',
      balance([null]), balance([{ tokenId: TOKEN }]), balance([{ tokenId: TOKEN, amount: -1 }]),
      balance([{ tokenId: TOKEN, amount: 1.5 }]), balance([{ tokenId: 'zz', amount: 1 }]), balance([{ amount: 1 }]),
    ];
    for (const [i, body] of bodies.entries()) await expect(check(`9garbage${i}`, { body }), body).rejects.toBeInstanceOf(UpstreamError);
  });

  it('refuses a rule whose token id is not 32-byte hex', async () => {
    replies.set(HOLDER, { body: balance([]) });
    await expect(source().balance(HOLDER, { tokenId: 'nope' }, new AbortController().signal)).rejects.toThrow(/token id/);
  });
});
