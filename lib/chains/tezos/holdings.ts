/**
 * Tezos holdings through TzKT: GET /v1/tokens/balances?account=…&token.contract=…&token.tokenId=…&token.standard=…
 * &select=balance answers an array of balance strings (raw units), one per matching token; none = 0.
 * FA1.2 tokens have tokenId "0" in TzKT. Any upstream failure or unexpected shape throws: the gate fails closed.
 */
import { fetchJson, UpstreamError } from '../../net/fetch-json';
import type { Asset, Endpoint, HoldingsSource } from '../types';

const UNSIGNED_INTEGER = /^\d+$/;
const FA12_TOKEN_ID = '0';

function tokenIdOf(asset: Asset<'tezos'>): string {
  const tokenId = asset.standard === 'fa1.2' ? FA12_TOKEN_ID : asset.tokenId;
  if (tokenId === undefined || !UNSIGNED_INTEGER.test(tokenId))
    throw new Error(`Tezos ${asset.standard} rule for ${asset.contract} needs a numeric tokenId.`);
  return tokenId;
}

export function balancesPath(address: string, asset: Asset<'tezos'>): string {
  const query = new URLSearchParams({
    account: address,
    'token.contract': asset.contract,
    'token.tokenId': tokenIdOf(asset),
    'token.standard': asset.standard,
    select: 'balance',
  });
  return `v1/tokens/balances?${query}`;
}

function sumBalances(body: unknown): bigint {
  if (!Array.isArray(body)) throw new UpstreamError('TzKT answered something that is not a list of balances');
  let total = 0n;
  for (const balance of body) {
    if (typeof balance !== 'string' || !UNSIGNED_INTEGER.test(balance))
      throw new UpstreamError('TzKT answered a balance that is not an unsigned integer string');
    total += BigInt(balance);
  }
  return total;
}

export function createTezosHoldings(endpoint: Endpoint): HoldingsSource<'tezos'> {
  return {
    chain: 'tezos',
    async balance(address, asset, signal) {
      const body = await fetchJson(endpoint, balancesPath(address, asset), { signal });
      return sumBalances(body);
    },
  };
}
