/** Server map: chain id -> holdings source over the chain's configured indexer/RPC. */
import type { ChainId, Endpoint, HoldingsSource } from './types';
import { createEthereumHoldings } from './ethereum/holdings';
import { createErgoHoldings } from './ergo/holdings';

export const HOLDINGS: { [C in ChainId]?: (endpoint: Endpoint) => HoldingsSource<C> } = {
  ethereum: createEthereumHoldings,
  ergo: createErgoHoldings,
};
