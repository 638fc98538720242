/** Server map: chain id -> holdings source over the chain's configured indexer/RPC. */
import type { ChainId, Endpoint, HoldingsSource } from './types';
import { createEthereumHoldings } from './ethereum/holdings';
import { createCardanoHoldings } from './cardano/holdings';
import { createNearHoldings } from './near/holdings';
import { createTezosHoldings } from './tezos/holdings';
import { createErgoHoldings } from './ergo/holdings';

export const HOLDINGS: { [C in ChainId]?: (endpoint: Endpoint) => HoldingsSource<C> } = {
  ethereum: createEthereumHoldings,
  cardano: createCardanoHoldings,
  near: createNearHoldings,
  tezos: createTezosHoldings,
  ergo: createErgoHoldings,
};
