/** Shared by every Tezos adapter: the payload a wallet is asked to sign, checked against the text shown. */
import { WalletError, type SignRequest } from '../types';
import { michelinePayloadHex } from './micheline';

export const WALLET_IDS = { beacon: 'beacon', kukai: 'kukai', demo: 'demo', injectedPrefix: 'injected:' } as const;

/** The payload the server asked for; it must be the Micheline PACK of the message shown, or we refuse to sign. */
export function payloadToSign(request: SignRequest): string {
  const payload = request.signing.payload;
  if (typeof payload !== 'string') throw new WalletError('failed', 'The server did not send a Tezos payload to sign.');
  if (payload.toLowerCase() !== michelinePayloadHex(request.message))
    throw new WalletError('failed', 'The payload to sign does not match the message shown.');
  return payload;
}
