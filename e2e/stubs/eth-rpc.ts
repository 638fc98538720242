/**
 * A stub Ethereum JSON-RPC in the real API's shape: eth_chainId, eth_call for balanceOf (ERC-20/721/1155).
 * Balances and failure modes are set by tests through POST /eth/__control; GET /eth/__calls answers how many
 * balanceOf calls each `${contract}|${owner}` received (POST /eth/__calls/reset zeroes them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeFunctionData, encodeAbiParameters, parseAbi } from 'viem';

const abi = parseAbi(['function balanceOf(address owner) view returns (uint256)', 'function balanceOf(address owner, uint256 id) view returns (uint256)']);

export type EthMode = 'ok' | 'timeout' | '429' | 'garbage' | 'error';
export interface EthState {
  mode: EthMode;
  chainId: number;
  /** `${contract}|${owner}` (lowercase) -> balance */
  balances: Record<string, string>;
}

export const ethState: EthState = { mode: 'ok', chainId: 1, balances: {} };
/** `${contract}|${owner}` (lowercase) -> balanceOf calls seen, whatever the mode. */
export const ethCalls: Record<string, number> = {};

const reply = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

export function handleEth(req: IncomingMessage, res: ServerResponse, body: string): void {
  if (req.url?.endsWith('/__control')) {
    Object.assign(ethState, JSON.parse(body));
    return reply(res, 200, ethState);
  }
  if (req.url?.endsWith('/__calls/reset')) {
    for (const k of Object.keys(ethCalls)) delete ethCalls[k];
    return reply(res, 200, ethCalls);
  }
  if (req.url?.endsWith('/__calls')) return reply(res, 200, ethCalls);
  const call = JSON.parse(body) as { id: number; method: string; params: [{ to: string; data: `0x${string}` }] };
  const owner = balanceOwner(call);
  if (owner) ethCalls[owner] = (ethCalls[owner] ?? 0) + 1;
  if (ethState.mode === 'timeout') return; // never answers
  if (ethState.mode === '429') return reply(res, 429, { error: 'rate limited' });
  if (ethState.mode === 'garbage') return reply(res, 200, '<html>oops</html>');
  if (ethState.mode === 'error') return reply(res, 200, { jsonrpc: '2.0', id: call.id, error: { code: -32000, message: 'execution reverted' } });
  if (call.method === 'eth_chainId') return reply(res, 200, { jsonrpc: '2.0', id: call.id, result: `0x${ethState.chainId.toString(16)}` });
  if (call.method !== 'eth_call') return reply(res, 200, { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'method not found' } });
  if (!owner) throw new Error('eth_call: not a balanceOf call');
  const balance = BigInt(ethState.balances[owner] ?? '0');
  reply(res, 200, { jsonrpc: '2.0', id: call.id, result: encodeAbiParameters([{ type: 'uint256' }], [balance]) });
}

/** `${contract}|${owner}` of an eth_call to balanceOf, else null. */
function balanceOwner(call: { method: string; params?: [{ to: string; data: `0x${string}` }] }): string | null {
  if (call.method !== 'eth_call' || !call.params?.[0]?.data) return null;
  const { to, data } = call.params[0];
  try {
    const { args } = decodeFunctionData({ abi, data });
    return `${to.toLowerCase()}|${String(args[0]).toLowerCase()}`;
  } catch {
    return null;
  }
}
