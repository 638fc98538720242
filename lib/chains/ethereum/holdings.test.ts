import { afterEach, describe, expect, it } from 'vitest';
import { encodeAbiParameters } from 'viem';
import { sendJson, startStub, type StubHandler } from '../../../test/helpers/stub-server';
import { createEthereumHoldings } from './holdings';

const owner = '0x1111111111111111111111111111111111111111';
const nft = { standard: 'erc721' as const, contract: '0x2222222222222222222222222222222222222222' };
const uint = (n: bigint) => encodeAbiParameters([{ type: 'uint256' }], [n]);
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function holdingsWith(handler: StubHandler, timeoutMs = 500) {
  const stub = await startStub(handler);
  close = stub.close;
  return createEthereumHoldings({ url: stub.url, timeoutMs });
}
const rpcResult = (result: unknown): StubHandler => (req, res) => sendJson(res, 200, { jsonrpc: '2.0', id: JSON.parse(req.body).id, result });
const balance = (h: ReturnType<typeof createEthereumHoldings>, asset: Parameters<typeof h.balance>[1] = nft) => h.balance(owner, asset, new AbortController().signal);

describe('ethereum holdings over a stub JSON-RPC', () => {
  it('reads an ERC-721 holder', async () => {
    let seen: { method: string; params: [{ to: string; data: string }] } | undefined;
    const h = await holdingsWith((req, res) => ((seen = JSON.parse(req.body)), rpcResult(uint(2n))(req, res)));
    expect(await balance(h)).toBe(2n);
    expect(seen?.method).toBe('eth_call');
    expect(seen?.params[0].to).toBe(nft.contract);
    expect(seen?.params[0].data.startsWith('0x70a08231')).toBe(true); // balanceOf(address)
  });

  it('reads a non-holder as 0', async () => {
    expect(await balance(await holdingsWith(rpcResult(uint(0n))))).toBe(0n);
  });

  it('encodes ERC-1155 balanceOf(owner, id)', async () => {
    let data = '';
    const h = await holdingsWith((req, res) => ((data = JSON.parse(req.body).params[0].data), rpcResult(uint(5n))(req, res)));
    expect(await balance(h, { standard: 'erc1155', contract: nft.contract, tokenId: '7' })).toBe(5n);
    expect(data.startsWith('0x00fdd58e')).toBe(true);
  });

  it.each([
    ['a timeout', (() => undefined) as StubHandler],
    ['a 429', ((_q, r) => sendJson(r, 429, { error: 'slow down' })) as StubHandler],
    ['a 500', ((_q, r) => sendJson(r, 500, 'boom')) as StubHandler],
    ['garbage', ((_q, r) => sendJson(r, 200, '<html>')) as StubHandler],
    ['a JSON-RPC error', ((q, r) => sendJson(r, 200, { jsonrpc: '2.0', id: JSON.parse(q.body).id, error: { code: -32000, message: 'reverted' } })) as StubHandler],
    ['a short result', rpcResult('0x01')],
    ['no result', ((q, r) => sendJson(r, 200, { jsonrpc: '2.0', id: 1 })) as StubHandler],
  ])('throws on %s (the gate fails closed)', async (_name, handler) => {
    await expect(balance(await holdingsWith(handler, 300))).rejects.toThrow();
  });
});
