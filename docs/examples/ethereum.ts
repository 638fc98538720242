// docs/examples/ethereum.ts — EIP-191 personal_sign over the EIP-4361 text; an EOA verifies offline.
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { freshRequest, rp, untouched } from './relying-party';

export async function example(tamper = untouched) {
  const wallet = privateKeyToAccount(generatePrivateKey()); // stands in for MetaMask & co.
  const request = freshRequest();
  const { address, message } = createSignInRequest(rp, { chain: 'ethereum', address: wallet.address, ...request });
  const signature = await wallet.signMessage({ message }); // what personal_sign returns: 65 bytes, 0x-hex
  const body = tamper({ chain: 'ethereum', address, message, signature });
  // Smart accounts (ERC-1271/6492) also need: rpc: { ethereum: { url: ETHEREUM_RPC_URL, timeoutMs: 5000 } }
  return verifySignIn(body, { ...rp, nonce: request.nonce });
}
