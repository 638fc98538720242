/**
 * The chain-agnostic checks of a wallet's own sign-in template (Kukai's JSON, see lib/chains/tezos/kukai-template.ts):
 * the same promises a CAIP-122 message makes — our origin, our network, this address, our nonce, signed now — read
 * from the wallet's fields. The template carries no statement, so it may only prove control of the address
 * (sign-in, link); requests whose text states a consequence (move, actions) refuse it.
 */
import { fail } from '../errors';
import type { WalletTemplateClaims } from '../chains/types';

export interface TemplateExpectations {
  /** The app's origin (scheme, host, port). */
  origin: string;
  network: string;
  address: string;
  nonce?: string;
  /** What the `requestId` must say (the request's purpose resource, e.g. `urn:walletgate:sign-in`). */
  requestId?: string;
  allowed: boolean;
  now: Date;
  clockSkewSeconds: number;
}

export function checkTemplateClaims(c: WalletTemplateClaims, x: TemplateExpectations): void {
  if (!x.allowed)
    fail('invalid_message', 'This request must be signed as the full sign-in message; a wallet\'s authentication template cannot authorise it.');
  if (c.address !== x.address) fail('address_mismatch', 'The signed template names another address.');
  if (c.origin !== x.origin) fail('domain_mismatch', `This template is for ${c.origin.slice(0, 100)}, not ${x.origin}.`);
  if (c.network !== x.network) fail('wrong_network', `This template is for ${c.network.slice(0, 32)}, not ${x.network}.`);
  if (x.nonce !== undefined && c.nonce !== x.nonce) fail('nonce_mismatch', 'The template carries another nonce.');
  if (x.requestId !== undefined && c.requestId !== x.requestId)
    fail('invalid_message', 'The template\'s requestId is not the one this request asked for.');
  if (c.signedAt.getTime() > x.now.getTime() + x.clockSkewSeconds * 1000)
    fail('not_yet_valid', 'The wallet\'s clock says it signed in the future.');
}
