/**
 * The holdings service: which source answers for a chain (its indexer/RPC, else the demo ledger in demo mode),
 * a per-(chain, address, asset) TTL cache with single-flight — shared by every instance through Redis when
 * REDIS_URL is set — and a hard timeout. Upstream failure throws HoldingsUnavailable: the gate fails closed.
 */
import { HOLDINGS } from '../chains/holdings';
import type { Asset, ChainId, HoldingsSource } from '../chains/types';
import { env } from '../env';
import { redis } from '../redis';
import { createDemoLedger } from './demo-ledger';
import { assetKey } from './rules';
import { createSharedCache, type SharedCache } from './shared-cache';

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

const LOCK_MARGIN_MS = 250;
const store = globalThis as unknown as { __walletgateHoldingsCache?: SharedCache<bigint> };
const cache = (store.__walletgateHoldingsCache ??= createSharedCache<bigint>({
  name: 'holdings',
  ttlMs: () => env().holdingsCacheTtlMs,
  link: redis,
  encode: String,
  decode: BigInt,
  lockMs: () => env().upstreamTimeoutMs + LOCK_MARGIN_MS,
}));

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

/** Drops a cached balance (the demo ledger changed it) on every instance, so the very next request sees the change. */
export function forgetBalance(chain: ChainId, address: string, asset: Asset): Promise<void> {
  return cache.invalidate(cacheKey(chain, address, asset));
}

export const clearHoldingsCache = () => cache.clear();
