/** Placeholder until the Tezos verifier lands: refuses every sign-in. */
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';

export const tezosVerifier: ChainVerifier<'tezos'> = {
  chain: 'tezos',
  chainReference: (network) => String(network),
  normalizeAddress: (address) => address,
  signingParams: () => ({}),
  verify: async () => fail('unsupported_chain', 'Tezos sign-in is not available yet.'),
};
