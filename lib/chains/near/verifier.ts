/** Placeholder until the Near verifier lands: refuses every sign-in. */
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';

export const nearVerifier: ChainVerifier<'near'> = {
  chain: 'near',
  chainReference: (network) => String(network),
  normalizeAddress: (address) => address,
  signingParams: () => ({}),
  verify: async () => fail('unsupported_chain', 'Near sign-in is not available yet.'),
};
