import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAbiParameters } from 'viem';
import { sendJson, startStub } from '../../test/helpers/stub-server';
import type { GateRule } from './rules';

const rule: GateRule = { id: 'nft', chain: 'ethereum', asset: { standard: 'erc721', contract: '0x00000000000000000000000000000000000000a1' }, min: 1n, label: 'NFT' };
const holder = { chain: 'ethereum' as const, address: '0x00000000000000000000000000000000000000e1' };
let mode: 'ok' | 'down' | 'slow' = 'ok';
let calls = 0;

describe('gate over a configured RPC: cached, coalesced, fail closed', () => {
  let stub: Awaited<ReturnType<typeof startStub>>;
  let gate: typeof import('./gate');
  let service: typeof import('./holdings-service');
  beforeAll(async () => {
    stub = await startStub((req, res) => {
      calls += 1;
      if (mode === 'slow') return;
      if (mode === 'down') return sendJson(res, 503, 'down');
      sendJson(res, 200, { jsonrpc: '2.0', id: JSON.parse(req.body).id, result: encodeAbiParameters([{ type: 'uint256' }], [1n]) });
    });
    process.env.ETHEREUM_RPC_URL = stub.url;
    process.env.UPSTREAM_TIMEOUT_MS = '2000'; // generous: a loaded CI machine must not turn the 'ok' upstream into a timeout
    (globalThis as { __walletgateEnv?: unknown }).__walletgateEnv = undefined;
    gate = await import('./gate');
    service = await import('./holdings-service');
  });
  afterAll(async () => {
    delete process.env.ETHEREUM_RPC_URL;
    delete process.env.UPSTREAM_TIMEOUT_MS;
    (globalThis as { __walletgateEnv?: unknown }).__walletgateEnv = undefined;
    await stub.close();
  });

  it('uses the indexer, not the demo ledger, once an endpoint is configured', () => {
    expect(service.holdingsMode('ethereum')).toBe('indexer');
  });

  it('coalesces 25 concurrent checks into one upstream call, then serves the cache', async () => {
    service.clearHoldingsCache();
    calls = 0;
    const decisions = await Promise.all(Array.from({ length: 25 }, () => gate.checkWallets([holder], [rule])));
    expect(decisions.every((d) => d.status === 'granted')).toBe(true);
    await gate.checkWallets([holder], [rule]);
    expect(calls).toBe(1);
  });

  it.each(['down', 'slow'] as const)('an upstream that is %s gives unavailable, never access', async (m) => {
    service.clearHoldingsCache();
    mode = m;
    expect(await gate.checkWallets([holder], [rule])).toMatchObject({ status: 'unavailable' });
    mode = 'ok';
  });
});
