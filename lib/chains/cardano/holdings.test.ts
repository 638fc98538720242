import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '../../net/fetch-json';
import { createCardanoHoldings } from './holdings';
import { baseAddressOf, rawKey } from './test-keys';

const POLICY = 'a'.repeat(56);
const OTHER_POLICY = 'b'.repeat(56);
const NAME = Buffer.from('WalletgateMember').toString('hex');
const holder = rawKey();
const base = baseAddressOf(rawKey().publicKey, holder.publicKey);
const stake = holder.reward.bech32;

type Reply = (req: IncomingMessage, body: Record<string, string[]>, res: ServerResponse) => void;
let reply: Reply;
const requests: { url: string; body: Record<string, string[]> }[] = [];
let server: Server;
let url: string;

const json = (res: ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(typeof value === 'string' ? value : JSON.stringify(value));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      requests.push({ url: req.url ?? '', body });
      reply(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const source = (timeoutMs = 2000) => createCardanoHoldings({ url, timeoutMs });
const balance = (address: string, asset: { policyId: string; assetName?: string }, timeoutMs?: number) =>
  source(timeoutMs).balance(address, asset, new AbortController().signal);

const flatRows = (field: string, address: string) => [
  { [field]: address, policy_id: POLICY, asset_name: NAME, fingerprint: 'asset1x', decimals: 0, quantity: '2' },
  { [field]: address, policy_id: POLICY, asset_name: '00', fingerprint: 'asset1y', decimals: 0, quantity: '5' },
  { [field]: address, policy_id: OTHER_POLICY, asset_name: NAME, fingerprint: 'asset1z', decimals: 0, quantity: '1000' },
];

describe('cardano holdings (Koios)', () => {
  it('reads account_assets (flat rows) for a stake address', async () => {
    requests.length = 0;
    reply = (req, body, res) => json(res, 200, req.url?.startsWith('/api/v1/account_assets') ? flatRows('stake_address', body._stake_addresses[0]) : []);
    expect(await balance(stake, { policyId: POLICY, assetName: NAME })).toBe(2n);
    expect(await balance(stake, { policyId: POLICY })).toBe(7n);
    expect(await balance(stake, { policyId: POLICY.toUpperCase(), assetName: NAME.toUpperCase() })).toBe(2n);
    expect(requests[0]).toEqual({ url: '/api/v1/account_assets?offset=0&limit=1000', body: { _stake_addresses: [stake] } });
  });

  it('reads address_assets (nested asset_list) for a payment address', async () => {
    requests.length = 0;
    reply = (req, body, res) =>
      json(res, 200, req.url?.startsWith('/api/v1/address_assets')
        ? [{ address: body._addresses[0], asset_list: flatRows('ignored', '').map(({ ignored: _, ...r }) => r) }]
        : []);
    expect(await balance(base.bech32, { policyId: POLICY, assetName: NAME })).toBe(2n);
    expect(requests[0].body).toEqual({ _addresses: [base.bech32] });
  });

  it('answers 0 for a non-holder (empty reply, or other assets only)', async () => {
    reply = (_req, _body, res) => json(res, 200, []);
    expect(await balance(stake, { policyId: POLICY })).toBe(0n);
    reply = (_req, body, res) => json(res, 200, flatRows('stake_address', body._stake_addresses[0]).slice(2));
    expect(await balance(stake, { policyId: POLICY })).toBe(0n);
  });

  it('pages through large accounts', async () => {
    requests.length = 0;
    const row = { policy_id: POLICY, asset_name: NAME, quantity: '1' };
    reply = (req, _body, res) => json(res, 200, req.url?.includes('offset=0&') ? Array(1000).fill(row) : [row]);
    expect(await balance(stake, { policyId: POLICY })).toBe(1001n);
    expect(requests.map((r) => r.url)).toEqual(['/api/v1/account_assets?offset=0&limit=1000', '/api/v1/account_assets?offset=1000&limit=1000']);
  });

  it('throws (fails closed) on 402, 418, 429 and 5xx', async () => {
    for (const status of [402, 418, 429, 500, 503]) {
      reply = (_req, _body, res) => json(res, status, { message: 'no' });
      await expect(balance(stake, { policyId: POLICY }), String(status)).rejects.toBeInstanceOf(UpstreamError);
    }
  });

  it('throws on a timeout', async () => {
    reply = (_req, _body, res) => setTimeout(() => json(res, 200, []), 500);
    await expect(balance(stake, { policyId: POLICY }, 100)).rejects.toThrow(/did not answer/);
  });

  it('throws on garbage and on replies of another shape', async () => {
    const bad: unknown[] = ['not json', '{"rows":[]}', 'null', '[1]', '[{"policy_id":null,"quantity":"1"}]',
      `[{"policy_id":"${POLICY}","quantity":"-1"}]`, `[{"policy_id":"${POLICY}","quantity":"1.5"}]`,
      `[{"policy_id":"${POLICY}"}]`, '[{"asset_list":{}}]', `[{"stake_address":"stake1other","policy_id":"${POLICY}","quantity":"1"}]`];
    for (const body of bad) {
      reply = (_req, _b, res) => json(res, 200, body);
      await expect(balance(stake, { policyId: POLICY }), String(body)).rejects.toBeInstanceOf(UpstreamError);
    }
  });

  it('refuses a bad rule and a bad address before calling Koios', async () => {
    requests.length = 0;
    await expect(balance(stake, { policyId: 'xyz' })).rejects.toThrow(/policy id/);
    await expect(balance('stake1nope', { policyId: POLICY })).rejects.toMatchObject({ code: 'malformed_input' });
    expect(requests).toHaveLength(0);
  });
});
