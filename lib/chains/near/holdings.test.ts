import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { base64 } from '@scure/base';
import { createNearHoldings } from './holdings';
import { rpcError, rpcResult, startStubRpc, type StubRpc } from './stub-rpc';

const NFT = { standard: 'nep171', contract: 'members.walletgate.near' } as const;
const FT = { standard: 'nep141', contract: 'token.walletgate.near' } as const;
const HOLDER = 'alice.near';

/** What nearcore answers to call_function: the return value's JSON, as an array of bytes. */
const viewResult = (json: string) =>
  rpcResult({ result: Array.from(new TextEncoder().encode(json)), logs: [], block_height: 17817336, block_hash: '4qkA4sUUG8opjH5Q9bL5mWJTnfR4ech879Db1BZXbx6P' });

let stub: StubRpc;
const holdings = (timeoutMs = 2000) => createNearHoldings({ url: stub.url, timeoutMs });
const signal = () => new AbortController().signal;

beforeAll(async () => {
  stub = await startStubRpc();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.calls = [];
});

describe('near holdings (NEAR RPC call_function)', () => {
  it('counts the NFTs of a NEP-171 holder with nft_supply_for_owner at final finality', async () => {
    stub.answer = () => viewResult('"12"');
    expect(await holdings().balance(HOLDER, NFT, signal())).toBe(12n);
    const { method, params } = stub.calls[0]!;
    expect(method).toBe('query');
    expect(params).toMatchObject({ request_type: 'call_function', finality: 'final', account_id: NFT.contract, method_name: 'nft_supply_for_owner' });
    expect(JSON.parse(new TextDecoder().decode(base64.decode(params.args_base64 as string)))).toEqual({ account_id: HOLDER });
  });

  it('returns 0 for a non-holder (the contract says "0")', async () => {
    stub.answer = () => viewResult('"0"');
    expect(await holdings().balance('bob.near', NFT, signal())).toBe(0n);
  });

  it('reads a NEP-141 balance in base units with ft_balance_of, beyond 2^53', async () => {
    stub.answer = () => viewResult('"1000000000000000000000001"');
    expect(await holdings().balance(HOLDER, FT, signal())).toBe(1_000_000_000_000_000_000_000_001n);
    expect(stub.calls[0]!.params.method_name).toBe('ft_balance_of');
    stub.answer = () => viewResult('"999"');
    expect(await holdings().balance(HOLDER, FT, signal())).toBe(999n); // below a minimum of 1000: the service compares
  });

  it('throws on 429, 5xx and a timeout', async () => {
    for (const status of [429, 500, 503]) {
      stub.answer = () => ({ status });
      await expect(holdings().balance(HOLDER, FT, signal())).rejects.toThrow(String(status));
    }
    stub.answer = () => 'hang';
    await expect(holdings(150).balance(HOLDER, FT, signal())).rejects.toThrow(/did not answer/);
  });

  it('throws on an RPC error object and on a contract error inside the result', async () => {
    stub.answer = () => rpcError('UNKNOWN_ACCOUNT', { requested_account_id: FT.contract });
    await expect(holdings().balance(HOLDER, FT, signal())).rejects.toThrow();
    stub.answer = () => rpcResult({ error: 'wasm execution failed with error: MethodResolveError(MethodNotFound)', logs: [] });
    await expect(holdings().balance(HOLDER, FT, signal())).rejects.toThrow(/MethodNotFound/);
  });

  it('throws on garbage and wrong shapes, never returning 0', async () => {
    const garbage = [
      { raw: 'not json' },
      { json: [] },
      rpcResult('"12"'),
      rpcResult({ result: 'MTI=' }),
      rpcResult({ result: [300] }),
      viewResult('12abc'),
      viewResult('"-1"'),
      viewResult('"1.5"'),
      viewResult('null'),
      viewResult('{"balance":"1"}'),
    ];
    for (const reply of garbage) {
      stub.answer = () => reply;
      await expect(holdings().balance(HOLDER, FT, signal()), JSON.stringify(reply)).rejects.toThrow();
    }
  });

  it('stops when the caller aborts', async () => {
    stub.answer = () => 'hang';
    const controller = new AbortController();
    const pending = holdings(5000).balance(HOLDER, NFT, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow();
  });
});
