/**
 * Real signed sign-in bodies for the verify bench, one builder per chain, each in the wallet's exact format and
 * made in Node with a fresh real key (the same way each chain's verifier.test.ts builds a valid input).
 * `raw` is the bare library check on the same signature, for comparison with our verifySignIn path.
 */
import { verifyMessage } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { checkSignature } from '@meshsdk/core';
import { generateKey, verifyNep413Signature } from 'near-kit';
import { base64 } from '@scure/base';
import { verifySignature } from '@taquito/utils';
import * as ergo from 'ergo-lib-wasm-nodejs';
import type { ChainId } from '../../lib/chains/types';
import { expectAt, signInRequest } from '../../test/helpers/relying-party';
import { meshWallet } from '../../lib/chains/cardano/test-keys';
import { toHex } from '../../lib/chains/near/keys';
import { testKey } from '../../lib/chains/tezos/test-keys';
import { michelinePayloadHex } from '../../lib/chains/tezos/micheline';
import { newTestKey } from '../../lib/chains/ergo/test-keys';
import { ergoMessageBytes } from '../../lib/chains/ergo/layouts';

export interface SignedInput {
  /** The JSON body a client posts to /api/auth/verify. */
  input: Record<string, string>;
  /** The raw library call alone on the same signature. */
  raw: () => Promise<boolean> | boolean;
  /** What `raw` calls, for the printed table. */
  rawLabel: string;
}

/** The fixed relying party's expectations at a `now` inside every message's validity (no consumeNonce). */
export const EXPECTATIONS = expectAt();

async function ethereum(): Promise<SignedInput> {
  const account = privateKeyToAccount(generatePrivateKey());
  const { message } = signInRequest('ethereum', account.address);
  const signature = await account.signMessage({ message });
  return {
    input: { chain: 'ethereum', address: account.address, message, signature },
    raw: () => verifyMessage({ address: account.address, message, signature }),
    rawLabel: 'viem verifyMessage',
  };
}

/** A Mesh headless wallet's CIP-30 signData for its stake address. Our verifier does not use Mesh (see verifier.ts). */
async function cardano(): Promise<SignedInput> {
  const wallet = await meshWallet();
  const req = signInRequest('cardano', wallet.stake);
  const ds = await wallet.signData(wallet.stake, req.signing.payload as string);
  return {
    input: { chain: 'cardano', address: wallet.stake, message: req.message, signature: ds.signature, publicKey: ds.key },
    raw: () => checkSignature(req.message, { key: ds.key, signature: ds.signature }, wallet.stake),
    rawLabel: 'Mesh checkSignature (not what we use)',
  };
}

/** NEP-413 signMessage by an implicit account (hex of its key): binds offline, no RPC. */
async function near(): Promise<SignedInput> {
  const key = generateKey();
  const accountId = toHex(key.publicKey.data);
  const req = signInRequest('near', accountId);
  const params = { message: req.message, recipient: req.signing.recipient as string, nonce: base64.decode(req.signing.nonce as string) };
  const sm = key.signNep413Message!(accountId, params);
  return {
    input: { chain: 'near', address: accountId, message: req.message, signature: sm.signature, publicKey: sm.publicKey },
    raw: () => verifyNep413Signature({ accountId: '', publicKey: sm.publicKey, signature: sm.signature }, params, { nonceValidation: 'none' }),
    rawLabel: 'near-kit verifyNep413Signature',
  };
}

/** A tz1 (Ed25519) key signing the Micheline payload, as Beacon/Taquito wallets do. */
async function tezos(): Promise<SignedInput> {
  const key = await testKey('ed25519');
  const { message } = signInRequest('tezos', key.address);
  const payload = michelinePayloadHex(message);
  const signature = await key.sign(payload);
  return {
    input: { chain: 'tezos', address: key.address, message, signature, publicKey: key.publicKey, payload },
    raw: () => verifySignature(payload, key.publicKey, signature),
    rawLabel: '@taquito/utils verifySignature',
  };
}

/** EIP-12 sign_data over Fleet's ErgoMessage bytes (what Nautilus and the demo wallet sign). */
async function ergoChain(): Promise<SignedInput> {
  const key = newTestKey();
  const { message } = signInRequest('ergo', key.mainnet);
  const bytes = ergoMessageBytes(message, 0x00);
  const signature = key.sign(bytes);
  const address = ergo.Address.from_base58(key.mainnet);
  const proof = Uint8Array.from(Buffer.from(signature, 'hex'));
  return {
    input: { chain: 'ergo', address: key.mainnet, message, signature, form: 'sign_data' },
    raw: () => ergo.verify_signature(address, bytes, proof),
    rawLabel: 'ergo-lib verify_signature (address pre-parsed)',
  };
}

export const SIGNED_INPUTS: Record<ChainId, () => Promise<SignedInput>> = { ethereum, cardano, near, tezos, ergo: ergoChain };
