/** Placeholder until the Ergo verifier lands: refuses every sign-in. */
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';

export const ergoVerifier: ChainVerifier<'ergo'> = {
  chain: 'ergo',
  chainReference: (network) => String(network),
  normalizeAddress: (address) => address,
  signingParams: () => ({}),
  verify: async () => fail('unsupported_chain', 'Ergo sign-in is not available yet.'),
};
