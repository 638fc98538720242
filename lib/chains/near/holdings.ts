/**
 * NEAR holdings over JSON-RPC `query` / `call_function` at final finality:
 * NEP-171 NFTs held = `nft_supply_for_owner`, NEP-141 balance = `ft_balance_of` (both return a U128 JSON string).
 * Any failure throws (UpstreamError): the gate fails closed, never "0 on error".
 */
import { base64 } from '@scure/base';
import { UpstreamError, jsonRpc } from '../../net/fetch-json';
import type { Asset, Endpoint, HoldingsSource } from '../types';

const VIEW_METHOD = { nep171: 'nft_supply_for_owner', nep141: 'ft_balance_of' } as const;
const U128_RE = /^\d{1,39}$/;

function invalid(contract: string, method: string, detail: string): never {
  throw new UpstreamError(`${contract}.${method}: ${detail}`);
}

/** The view call's bytes, checked: `result` must be an array of bytes; `error` (contract panic, no method) throws. */
function resultBytes(answer: unknown, contract: string, method: string): Uint8Array {
  if (typeof answer !== 'object' || answer === null) invalid(contract, method, 'not a call_function answer');
  const { result, error } = answer as { result?: unknown; error?: unknown };
  if (error !== undefined) invalid(contract, method, String(error));
  const isBytes = Array.isArray(result) && result.every((b) => Number.isInteger(b) && b >= 0 && b <= 255);
  if (!isBytes) invalid(contract, method, 'the answer carries no result bytes');
  return Uint8Array.from(result as number[]);
}

/** Decodes the JSON the contract returned: a U128 as a decimal string (a plain integer is tolerated). */
export function parseU128(bytes: Uint8Array, contract: string, method: string): bigint {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    invalid(contract, method, 'the result is not JSON');
  }
  if (typeof value === 'string' && U128_RE.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return invalid(contract, method, `the result is not an amount (${JSON.stringify(value)?.slice(0, 40)})`);
}

export function createNearHoldings(endpoint: Endpoint): HoldingsSource<'near'> {
  return {
    chain: 'near',
    async balance(address: string, asset: Asset<'near'>, signal: AbortSignal): Promise<bigint> {
      const method = VIEW_METHOD[asset.standard];
      if (!method) throw new UpstreamError(`Unknown NEAR token standard ${String(asset.standard)}`);
      const args = base64.encode(new TextEncoder().encode(JSON.stringify({ account_id: address })));
      const params = { request_type: 'call_function', finality: 'final', account_id: asset.contract, method_name: method, args_base64: args };
      const answer = await jsonRpc(endpoint, 'query', params, signal);
      return parseU128(resultBytes(answer, asset.contract, method), asset.contract, method);
    },
  };
}
