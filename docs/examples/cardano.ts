// docs/examples/cardano.ts — CIP-30 signData (COSE_Sign1 + COSE_Key) over the UTF-8 text, for a stake address.
import { ed25519 } from '@noble/curves/ed25519.js';
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { demoWallet } from '../../lib/chains/cardano/demo-wallet';
import { freshRequest, rp, untouched } from './relying-party';

export async function example(tamper = untouched) {
  // A real Ed25519 key answering signData byte for byte as a CIP-30 wallet does (Eternl, Lace, Nami…).
  const wallet = demoWallet('mainnet', ed25519.utils.randomSecretKey());
  const request = freshRequest();
  const { address, message, signing } = createSignInRequest(rp, { chain: 'cardano', address: wallet.address, ...request });
  // CIP-30: api.signData(address, signing.payload) → { signature, key }
  const { signature, publicKey } = await wallet.sign({ message, signing });
  const body = tamper({ chain: 'cardano', address, message, signature, publicKey });
  return verifySignIn(body, { ...rp, nonce: request.nonce });
}
