/**
 * Ergo holdings through the explorer API: GET /api/v1/addresses/{address}/balance/confirmed →
 * `{ nanoErgs, tokens: [{ tokenId, amount, decimals, name }] }`. Any other shape throws: the gate fails closed.
 * Amounts arrive as JSON numbers; above 2^53 they are already rounded by JSON.parse (a known explorer limitation).
 */
import { fetchJson, UpstreamError } from '../../net/fetch-json';
import type { Endpoint, HoldingsSource } from '../types';

const TOKEN_ID_RE = /^[0-9a-fA-F]{64}$/;

interface ExplorerToken {
  tokenId: string;
  amount: bigint;
}

function readAmount(value: unknown): bigint {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d{1,40}$/.test(value)) return BigInt(value);
  throw new UpstreamError('explorer: a token amount is not a non-negative integer');
}

function readTokens(body: unknown): ExplorerToken[] {
  if (typeof body !== 'object' || body === null) throw new UpstreamError('explorer: balance is not an object');
  const { nanoErgs, tokens } = body as { nanoErgs?: unknown; tokens?: unknown };
  if (nanoErgs === undefined || !Array.isArray(tokens)) throw new UpstreamError('explorer: balance lacks nanoErgs or tokens');
  return tokens.map((t: unknown) => {
    const { tokenId, amount } = (t ?? {}) as { tokenId?: unknown; amount?: unknown };
    if (typeof tokenId !== 'string' || !TOKEN_ID_RE.test(tokenId)) throw new UpstreamError('explorer: a token has no valid tokenId');
    return { tokenId: tokenId.toLowerCase(), amount: readAmount(amount) };
  });
}

export function createErgoHoldings(endpoint: Endpoint): HoldingsSource<'ergo'> {
  return {
    chain: 'ergo',
    async balance(address, asset, signal) {
      if (!TOKEN_ID_RE.test(asset.tokenId)) throw new Error(`Ergo gate rule: "${asset.tokenId}" is not a 32-byte hex token id.`);
      const path = `api/v1/addresses/${encodeURIComponent(address)}/balance/confirmed`;
      const tokens = readTokens(await fetchJson(endpoint, path, { signal }));
      const wanted = asset.tokenId.toLowerCase();
      return tokens.filter((t) => t.tokenId === wanted).reduce((sum, t) => sum + t.amount, 0n);
    },
  };
}
