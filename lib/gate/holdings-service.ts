/**
 * The holdings service: which source answers for a chain (its indexer/RPC, else the demo ledger in demo mode),
 * a per-(chain, address, asset) TTL cache with single-flight, and a hard timeout. Upstream failure throws
 * HoldingsUnavailable: the gate fails closed.
 */
import { HOLDINGS } from '../chains/holdings';
import type { Asset, ChainId, HoldingsSource } from '../chains/types';
import { env } from '../env';
import { createCache } from './cache';
import { createDemoLedger } from './demo-ledger';
import { assetKey } from './rules';

export class HoldingsUnavailable extends Error {
  constructor(chain: ChainId, cause: unknown) {
    super(`Could not check ${chain} holdings right now.`, { cause });
    this.name = 'HoldingsUnavailable';
  }
}

/** 'indexer' when an endpoint is configured, 'demo' when the demo ledger serves the chain, null when neither. */
export function holdingsMode(chain: ChainId): 'indexer' | 'demo' | null {
  const e = env();
  if (e.endpoints[chain] && HOLDINGS[chain]) return 'indexer';
  return e.demoMode ? 'demo' : null;
}

function sourceFor<C extends ChainId>(chain: C): HoldingsSource<C> | null {
  const mode = holdingsMode(chain);
  if (mode === 'indexer') return (HOLDINGS[chain] as (e: unknown) => HoldingsSource<C>)(env().endpoints[chain]);
  return mode === 'demo' ? createDemoLedger(chain) : null;
}

const store = globalThis as unknown as { __walletgateHoldingsCache?: ReturnType<typeof createCache<bigint>> };
const cache = (store.__walletgateHoldingsCache ??= createCache<bigint>(() => env().holdingsCacheTtlMs));

const cacheKey = (chain: ChainId, address: string, asset: Asset) => `${chain}|${address}|${assetKey(asset)}`;

export async function balanceOf<C extends ChainId>(chain: C, address: string, asset: Asset<C>): Promise<bigint> {
  const source = sourceFor(chain);
  if (!source) throw new HoldingsUnavailable(chain, new Error(`No holdings source is configured for ${chain}.`));
  return cache.get(cacheKey(chain, address, asset), async () => {
    const timeout = AbortSignal.timeout(env().endpoints[chain]?.timeoutMs ?? 3000);
    try {
      return await source.balance(address, asset, timeout);
    } catch (e) {
      throw new HoldingsUnavailable(chain, e);
    }
  });
}

/** Drops a cached balance (the demo ledger changed it), so the very next request sees the change. */
export function forgetBalance(chain: ChainId, address: string, asset: Asset): void {
  cache.invalidate(cacheKey(chain, address, asset));
}

export const clearHoldingsCache = () => cache.clear();
