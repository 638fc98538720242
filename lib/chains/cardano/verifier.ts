/** Placeholder until the Cardano verifier lands: refuses every sign-in. */
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';

export const cardanoVerifier: ChainVerifier<'cardano'> = {
  chain: 'cardano',
  chainReference: (network) => String(network),
  normalizeAddress: (address) => address,
  signingParams: () => ({}),
  verify: async () => fail('unsupported_chain', 'Cardano sign-in is not available yet.'),
};
