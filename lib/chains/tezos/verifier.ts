/**
 * Tezos: a Beacon/Taquito signed message — the wallet signs the Micheline PACK of the exact text
 * (`05 01 <UTF-8 byte length> <bytes>`, see micheline.ts). We rebuild that payload from the message and verify
 * the signature over it with @taquito/utils, then require the public key to hash to the claimed address.
 * Tezos addresses carry no network, so `wrong_network` comes only from the message's Chain ID line.
 * The public key is required: a TzKT/RPC manager-key lookup for clients that omit it is a possible extension.
 */
import { fail } from '../../errors';
import type { ChainNetworks, ChainVerifier } from '../types';
import { addressOfKey, checkSignature, normalizeTezosAddress } from './keys';
import { michelinePayloadHex } from './micheline';
import { checkClaimedPayload, rebuildPayload } from './payload';

export const TEZOS_CHAIN_IDS: Record<ChainNetworks['tezos'], string> = {
  mainnet: 'NetXdQprcVkpaWU',
  ghostnet: 'NetXnHfVqm9iesp',
};

export const tezosVerifier: ChainVerifier<'tezos'> = {
  chain: 'tezos',
  chainReference: (network) => TEZOS_CHAIN_IDS[network],
  normalizeAddress: (address) => normalizeTezosAddress(address),
  signingParams: (message) => ({ payload: michelinePayloadHex(message) }),

  async verify({ input, address }) {
    const publicKey = input.publicKey;
    if (!publicKey)
      fail('malformed_input', 'The public key is needed to verify a Tezos signature (send the edpk/sppk/p2pk the wallet shared).');
    const payload = rebuildPayload(input.message);
    checkClaimedPayload(input.extras?.payload, payload);
    const signed = checkSignature(payload, publicKey, input.signature); // reads key and signature first: malformed → 400
    if (addressOfKey(publicKey) !== address) fail('address_mismatch', 'This public key does not belong to this Tezos address.');
    if (!signed) fail('invalid_signature', 'The signature does not match this message and key.');
  },
};
