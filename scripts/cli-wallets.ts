/**
 * Local keys for scripts/cli-sign-in.ts: one fresh key per chain, answering exactly as that chain's wallets do
 * (the same signing code as docs/examples/*.ts and the in-browser demo wallets).
 */
import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateKey } from 'near-kit';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { demoWallet as cardanoWallet } from '../lib/chains/cardano/demo-wallet';
import { createDemoKey } from '../lib/chains/ergo/demo-wallet';
import { decodeSigningParams } from '../lib/chains/near/nep413';
import { generateDemoKey } from '../lib/chains/tezos/demo-keys';
import type { ChainId, SignedPayload, SignRequest } from '../lib/chains/types';

export interface LocalWallet {
  address: string;
  sign(request: SignRequest): Promise<SignedPayload>;
}

export type Network = 'mainnet' | 'testnet';

const ergoKey = async (network: Network) => {
  for (;;) {
    try {
      return await createDemoKey(randomBytes(32), network); // a secret outside the curve order is drawn again
    } catch {}
  }
};

export const LOCAL_WALLETS: Record<ChainId, (network: Network) => Promise<LocalWallet>> = {
  // EIP-191 personal_sign over the EIP-4361 text.
  async ethereum() {
    const account = privateKeyToAccount(generatePrivateKey());
    return { address: account.address, sign: async ({ message }) => ({ signature: await account.signMessage({ message }) }) };
  },
  // CIP-30 signData: COSE_Sign1 + COSE_Key, identity = the stake (reward) address.
  async cardano(network) {
    return cardanoWallet(network === 'mainnet' ? 'mainnet' : 'preprod', ed25519.utils.randomSecretKey());
  },
  // NEP-413 signMessage with a full-access key; an implicit account (hex of the key) binds offline.
  async near() {
    const key = generateKey();
    const address = Buffer.from(key.publicKey.data).toString('hex');
    return {
      address,
      sign: async ({ message, signing }) => {
        const signed = key.signNep413Message!(address, decodeSigningParams(message, signing));
        return { signature: signed.signature, publicKey: key.publicKey.toString() };
      },
    };
  },
  // Micheline-packed text (05 01 <length> <bytes>), signed as Beacon's requestSignPayload does.
  async tezos() {
    const key = generateDemoKey('ed25519');
    return { address: key.address, sign: async ({ signing }) => ({ signature: key.sign(signing.payload as string), publicKey: key.publicKey }) };
  },
  // EIP-12 sign_data: a Schnorr proof over Nautilus's ErgoMessage bytes.
  async ergo(network) {
    const key = await ergoKey(network);
    return { address: key.address, sign: async ({ message }) => ({ signature: key.signData(message), extras: { form: 'sign_data' } }) };
  },
};
