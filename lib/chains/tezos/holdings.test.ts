import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../net/fetch-json';
import { createTezosHoldings } from './holdings';

type Reply = { status?: number; raw?: string; json?: unknown } | 'hang';

const HOLDER = 'tz1VSUr8wwNhLAzempoch5d6hLRiTh8Cjcjb';
const NOBODY = 'tz1aSkwEot3L2kmUvcoxzjMomb9mvBNuzFK6';
const FA2 = { standard: 'fa2' as const, contract: 'KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton', tokenId: '42' };
const FA12 = { standard: 'fa1.2' as const, contract: 'KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn' };

let server: Server;
let url = '';
let answer: (query: URLSearchParams, path: string) => Reply;
const requests: URL[] = [];
const hanging: ServerResponse[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  const requestUrl = new URL(req.url ?? '/', 'http://stub');
  requests.push(requestUrl);
  const reply = answer(requestUrl.searchParams, requestUrl.pathname);
  if (reply === 'hang') return void hanging.push(res);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
  res.end(reply.raw ?? JSON.stringify(reply.json));
}

/** Answers like TzKT: the select=balance projection is an array of balance strings for the matching rows. */
function tzkt(query: URLSearchParams, path: string): Reply {
  if (path !== '/v1/tokens/balances' || query.get('select') !== 'balance') return { status: 400, json: { message: 'bad request' } };
  const holds = query.get('account') === HOLDER;
  if (query.get('token.contract') === FA2.contract && query.get('token.tokenId') === '42') return { json: holds ? ['3'] : [] };
  if (query.get('token.contract') === FA12.contract && query.get('token.tokenId') === '0') return { json: holds ? ['1000000000000000000000', '5'] : ['0'] };
  return { json: [] };
}

const holdings = (timeoutMs = 2000) => createTezosHoldings({ url, timeoutMs });
const signal = () => new AbortController().signal;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  answer = tzkt;
  requests.length = 0;
});

describe('tezos holdings (TzKT /v1/tokens/balances)', () => {
  it('reads an FA2 holder, with the account, contract, token id and standard in the query', async () => {
    expect(await holdings().balance(HOLDER, FA2, signal())).toBe(3n);
    const query = requests[0].searchParams;
    expect(requests[0].pathname).toBe('/v1/tokens/balances');
    expect(Object.fromEntries(query)).toEqual({
      account: HOLDER, 'token.contract': FA2.contract, 'token.tokenId': '42', 'token.standard': 'fa2', select: 'balance',
    });
  });

  it('sums FA1.2 balances as bigint (token id 0) and keeps precision', async () => {
    expect(await holdings().balance(HOLDER, FA12, signal())).toBe(1000000000000000000005n);
    expect(requests[0].searchParams.get('token.tokenId')).toBe('0');
    expect(requests[0].searchParams.get('token.standard')).toBe('fa1.2');
  });

  it('reads a non-holder as 0 (empty list or a zero row)', async () => {
    expect(await holdings().balance(NOBODY, FA2, signal())).toBe(0n);
    expect(await holdings().balance(NOBODY, FA12, signal())).toBe(0n);
  });

  it('throws on 429 and 5xx', async () => {
    for (const status of [429, 500, 503]) {
      answer = () => ({ status, json: { message: 'slow down' } });
      await expect(holdings().balance(HOLDER, FA2, signal())).rejects.toBeInstanceOf(UpstreamError);
    }
  });

  it('throws when TzKT does not answer in time', async () => {
    answer = () => 'hang';
    const started = Date.now();
    await expect(holdings(150).balance(HOLDER, FA2, signal())).rejects.toThrow(/did not answer in 150 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('throws on garbage and on the wrong shape, never returns 0', async () => {
    const bodies: Reply[] = [
      { raw: 'not json' }, { json: null }, { json: {} }, { json: [{ balance: '3' }] }, { json: [3] },
      { json: ['-1'] }, { json: ['1.5'] }, { json: [''] }, { json: '3' },
    ];
    for (const reply of bodies) {
      answer = () => reply;
      await expect(holdings().balance(HOLDER, FA2, signal()), JSON.stringify(reply)).rejects.toBeInstanceOf(UpstreamError);
    }
  });

  it('refuses an FA2 rule without a numeric token id', async () => {
    await expect(holdings().balance(HOLDER, { standard: 'fa2', contract: FA2.contract }, signal())).rejects.toThrow(/tokenId/);
    expect(requests).toHaveLength(0);
  });
});
