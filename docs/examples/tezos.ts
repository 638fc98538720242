// docs/examples/tezos.ts — the wallet signs the Micheline PACK of the text (05 01 <length> <UTF-8 bytes>).
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { generateDemoKey } from '../../lib/chains/tezos/demo-keys';
import { freshRequest, rp, untouched } from './relying-party';

export async function example(tamper = untouched) {
  const key = generateDemoKey('ed25519'); // tz1; 'secp256k1' (tz2) and 'p256' (tz3) work the same way
  const request = freshRequest();
  const { address, message, signing } = createSignInRequest(rp, { chain: 'tezos', address: key.address, ...request });
  // Beacon: requestSignPayload({ signingType: MICHELINE, payload: signing.payload }) → edsig…
  const signature = key.sign(signing.payload as string);
  const body = tamper({ chain: 'tezos', address, message, signature, publicKey: key.publicKey });
  return verifySignIn(body, { ...rp, nonce: request.nonce });
}
