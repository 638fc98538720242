/** Server map: chain id -> verifier. Framework-agnostic (used by lib/auth/core.ts). */
import type { ChainId, ChainVerifier } from './types';
import { ethereumVerifier } from './ethereum/verifier';
import { cardanoVerifier } from './cardano/verifier';
import { nearVerifier } from './near/verifier';
import { tezosVerifier } from './tezos/verifier';
import { ergoVerifier } from './ergo/verifier';

export const VERIFIERS: { [C in ChainId]: ChainVerifier<C> } = {
  ethereum: ethereumVerifier,
  cardano: cardanoVerifier,
  near: nearVerifier,
  tezos: tezosVerifier,
  ergo: ergoVerifier,
};

export const verifierFor = <C extends ChainId>(chain: C): ChainVerifier<C> => VERIFIERS[chain] as ChainVerifier<C>;
