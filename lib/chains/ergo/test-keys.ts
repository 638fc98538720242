/** Test helpers: real Ergo keys and proofs made with ergo-lib-wasm-nodejs (the library Nautilus signs with). */
import { base58 } from '@scure/base';
import * as ergo from 'ergo-lib-wasm-nodejs';
import { blake2b256 } from './address';

export interface TestKey {
  mainnet: string;
  testnet: string;
  sign(bytes: Uint8Array): string;
}

export function newTestKey(): TestKey {
  const secret = ergo.SecretKey.random_dlog();
  const address = secret.get_address();
  const secrets = new ergo.SecretKeys();
  secrets.add(secret);
  const wallet = ergo.Wallet.from_secrets(secrets);
  return {
    mainnet: address.to_base58(ergo.NetworkPrefix.Mainnet),
    testnet: address.to_base58(ergo.NetworkPrefix.Testnet),
    sign: (bytes) => Buffer.from(wallet.sign_message_using_p2pk(address, bytes)).toString('hex'),
  };
}

/** Builds an address with any prefix byte and content (for P2S/P2SH and bad-network cases). */
export function encodeAddress(prefix: number, content: Uint8Array): string {
  const body = Uint8Array.from([prefix, ...content]);
  return base58.encode(Uint8Array.from([...body, ...blake2b256(body).subarray(0, 4)]));
}
