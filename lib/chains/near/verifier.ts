/**
 * NEAR: NEP-413 signMessage over the exact CAIP-122 text, verified (NEP-413 digest, native Ed25519) against
 * the recipient and nonce WE derive from the checked message (the app's host; SHA-256 of the message nonce).
 * Body extra `callbackUrl`: the value the wallet signed (MyNearWallet always signs one). Only a URL on the app's
 * origin is accepted (callback-url.ts); then exactly that payload is verified. Without it, the payload has none:
 * we never try both, so what the client says was signed is what must verify.
 *
 * The NEP-413 payload does not name the account, so the signature alone proves nothing about it. We bind the key:
 * - implicit accounts (64 hex chars): offline, the account id must be hex(public key);
 * - named accounts (alice.near, 0x… eth-implicit, …): NEAR_RPC_URL `view_access_key` must show a FullAccess key.
 */
import { verifyEd25519 } from '../../crypto/ed25519';
import { fail } from '../../errors';
import type { ChainVerifier } from '../types';
import { requireFullAccessKey } from './access-key';
import { checkNearAccount, nearAccountKind, type NearNetwork } from './account-id';
import { readCallbackUrl } from './callback-url';
import { readEd25519PublicKey, readSignature, toHex } from './keys';
import { encodeSigningParams, nep413Nonce } from './nep413';
import { nep413Digest } from './nep413-hash';

export function normalizeNearAccount(address: string, network: NearNetwork): string {
  const check = checkNearAccount(address, network);
  if (!check.ok) fail(check.reason === 'malformed' ? 'malformed_input' : 'wrong_network', check.message);
  return check.accountId;
}

export interface Nep413Check {
  signature: string;
  publicKey: string | undefined;
  message: string;
  recipient: string;
  nonce: Uint8Array;
  /** Part of the signed payload when set (Borsh Some), absent otherwise (None). Already checked by the caller. */
  callbackUrl?: string;
}

/** Strict formats first, then the NEP-413 digest under a native Ed25519 check (lib/crypto). Returns the key bytes. */
export async function checkNep413Signature(c: Nep413Check): Promise<Uint8Array> {
  const keyBytes = readEd25519PublicKey(c.publicKey);
  // Our nonce is SHA-256 of the message nonce, not near-kit's timestamp layout; expiry and single use are
  // enforced by the message's times and the nonce store.
  const valid = verifyEd25519(readSignature(c.signature), nep413Digest(c), keyBytes);
  if (!valid) fail('invalid_signature', 'The signature does not match this key, message, app and nonce.');
  return keyBytes;
}

export const nearVerifier: ChainVerifier<'near'> = {
  chain: 'near',
  chainReference: (network) => network,
  normalizeAddress: (address, network) => normalizeNearAccount(address, network),
  signingParams: (_message, parsed, { domain }) => encodeSigningParams(domain, parsed.nonce),

  async verify({ input, address, message, domain, origin, rpc }) {
    const nonce = nep413Nonce(message.nonce);
    const { signature, publicKey } = input;
    const callbackUrl = readCallbackUrl(input.extras?.callbackUrl, origin);
    const keyBytes = await checkNep413Signature({ signature, publicKey, message: input.message, recipient: domain, nonce, callbackUrl });
    if (nearAccountKind(address) === 'implicit') {
      if (toHex(keyBytes) !== address) fail('address_mismatch', 'This key does not belong to that implicit account.');
      return;
    }
    if (!rpc) fail('unavailable', 'Named NEAR accounts need NEAR_RPC_URL to check the key; it is not configured.');
    await requireFullAccessKey(rpc, address, publicKey!);
  },
};
