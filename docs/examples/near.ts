// docs/examples/near.ts — NEP-413 signMessage; an implicit account (hex of its key) binds offline.
import { generateKey } from 'near-kit';
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { decodeSigningParams } from '../../lib/chains/near/nep413';
import { freshRequest, rp, untouched } from './relying-party';

export async function example(tamper = untouched) {
  const key = generateKey(); // a full-access ed25519 key, as a NEAR wallet holds
  const account = Buffer.from(key.publicKey.data).toString('hex'); // implicit account id
  const request = freshRequest();
  const { address, message, signing } = createSignInRequest(rp, { chain: 'near', address: account, ...request });
  // signing = { recipient: <your host>, nonce: <32 bytes, base64> }: pass both to wallet.signMessage
  const signed = key.signNep413Message!(account, decodeSigningParams(message, signing));
  const body = tamper({ chain: 'near', address, message, signature: signed.signature, publicKey: signed.publicKey });
  // Named accounts (alice.near) also need: rpc: { near: { url: NEAR_RPC_URL, timeoutMs: 5000 } }
  return verifySignIn(body, { ...rp, nonce: request.nonce });
}
