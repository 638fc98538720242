// docs/examples/ergo.ts — EIP-12 sign_data: a Schnorr proof of the P2PK key, verified with ergo-lib-wasm-nodejs.
import { randomBytes } from 'node:crypto';
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { createDemoKey } from '../../lib/chains/ergo/demo-wallet';
import { freshRequest, rp, untouched } from './relying-party';

export async function example(tamper = untouched) {
  const key = await createDemoKey(randomBytes(32), 'mainnet'); // signs as Nautilus's sign_data does
  const request = freshRequest();
  const { address, message } = createSignInRequest(rp, { chain: 'ergo', address: key.address, ...request });
  // Nautilus: ergo.sign_data(address, message) → proof (hex). EIP-28 auth: form 'auth' + signedMessage.
  const signature = key.signData(message);
  const body = tamper({ chain: 'ergo', address, message, signature, form: 'sign_data' });
  return verifySignIn(body, { ...rp, nonce: request.nonce });
}
