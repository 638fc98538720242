/** Browser map: chain id -> its connector, loaded with import() only after the chain is chosen. */
import type { ChainId, CreateConnector } from './types';

export const CONNECTORS: { [C in ChainId]?: () => Promise<CreateConnector> } = {
  ethereum: () => import('./ethereum/connector').then((m) => m.default),
  cardano: () => import('./cardano/connector').then((m) => m.default),
  near: () => import('./near/connector').then((m) => m.default),
  tezos: () => import('./tezos/connector').then((m) => m.default),
  ergo: () => import('./ergo/connector').then((m) => m.default),
};
