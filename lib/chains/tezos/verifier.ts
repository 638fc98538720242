/**
 * Tezos: a Beacon/Taquito signed message — the wallet signs the Micheline PACK of the exact text
 * (`05 01 <UTF-8 byte length> <bytes>`, see micheline.ts). We rebuild that payload from the message and verify
 * the signature over it with @taquito/utils, then require the public key to hash to the claimed address.
 * Tezos addresses carry no network, so `wrong_network` comes only from the message's Chain ID line.
 * The public key is required: a TzKT/RPC manager-key lookup for clients that omit it is a possible extension.
 * Second form: Kukai's own JSON template (kukai-template.ts), signed and packed the same way; the core checks its
 * fields like a CAIP-122 message, we check its signature here.
 */
import { fail } from '../../errors';
import type { ChainNetworks, ChainVerifier } from '../types';
import { addressOfKey, checkSignature, normalizeTezosAddress } from './keys';
import { michelinePayloadHex } from './micheline';
import { readKukaiTemplate, type KukaiAuthParams } from './kukai-template';
import { checkClaimedPayload, rebuildPayload } from './payload';

export const TEZOS_CHAIN_IDS: Record<ChainNetworks['tezos'], string> = {
  mainnet: 'NetXdQprcVkpaWU',
  ghostnet: 'NetXnHfVqm9iesp',
};

export const tezosVerifier: ChainVerifier<'tezos'> = {
  chain: 'tezos',
  chainReference: (network) => TEZOS_CHAIN_IDS[network],
  normalizeAddress: (address) => normalizeTezosAddress(address),
  // `kukai`: what kukai-embed's authenticate(requestId, nonce) needs; the request's purpose resource as requestId.
  signingParams: (message, parsed) => ({
    payload: michelinePayloadHex(message),
    kukai: { requestId: parsed.resources?.[0] ?? 'sign-in', nonce: parsed.nonce } satisfies KukaiAuthParams,
  }),

  async verify({ input, address }) {
    const publicKey = input.publicKey;
    if (!publicKey)
      fail('malformed_input', 'The public key is needed to verify a Tezos signature (send the edpk/sppk/p2pk the wallet shared).');
    verifyPacked(input.message, publicKey, input.signature, input.extras?.payload, address);
  },

  walletTemplate: {
    read: readKukaiTemplate,
    async verify({ input, claims, address }) {
      if (input.publicKey !== undefined && input.publicKey !== claims.publicKey)
        fail('address_mismatch', 'The publicKey sent is not the one in the signed template.');
      verifyPacked(input.message, claims.publicKey, input.signature, input.extras?.payload, address);
    },
  },
};

/** The signature over the Micheline PACK of exactly `message`, by a key that hashes to `address`. */
function verifyPacked(message: string, publicKey: string, signature: string, claimedPayload: unknown, address: string): void {
  const payload = rebuildPayload(message);
  checkClaimedPayload(claimedPayload, payload);
  const signed = checkSignature(payload, publicKey, signature); // reads key and signature first: malformed → 400
  if (addressOfKey(publicKey) !== address) fail('address_mismatch', 'This public key does not belong to this Tezos address.');
  if (!signed) fail('invalid_signature', 'The signature does not match this message and key.');
}
