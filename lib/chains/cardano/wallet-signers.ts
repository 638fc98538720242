/**
 * Test-only (unit tests and the e2e fake wallet; never imported by the app): CIP-30 `signData` done by the libraries
 * real wallets call, laid out the way each wallet's own source calls them. Keys are real BIP32-Ed25519 (CIP-1852).
 *
 * - `namiSigner`: @emurgo/cardano-message-signing-nodejs + keys/addresses from @emurgo/cardano-serialization-lib-nodejs,
 *   following IntersectMBO/nami `src/api/extension/index.js` `signDataCIP30` (same layout as Emurgo/yoroi
 *   `apps/wallet-mobile/src/yoroi-wallets/cardano/cip8/cip8.ts`): protected {1: EdDSA, "address": bytes}, no kid,
 *   unprotected map empty (the builder adds {"hashed": false}), COSE_Key {1: OKP, 3: EdDSA, -1: 6, -2: x}.
 *   The key is chosen from the address (`extractKeyHash`): payment key for base/enterprise, stake key for reward;
 *   Nami reads `address` as hex (`Buffer.from(address, 'hex')`).
 * - `laceSigner`: @cardano-sdk/key-management `InMemoryKeyAgent.signCip8Data` → `cip30signData`
 *   (input-output-hk/cardano-js-sdk `packages/key-management/src/cip8/cip30signData.ts`): protected
 *   {1: EdDSA, 4: kid = address bytes, "address": bytes}, unprotected {"hashed": false}, COSE_Key
 *   {1: OKP, 2: kid = address bytes, 3: EdDSA, -1: 6, -2: x}. The address first goes through `addrToSignWith`
 *   (`packages/wallet/src/cip30.ts`: hex or bech32 → bech32), reproduced here with @cardano-sdk/core's own helpers.
 */
import { randomBytes } from 'node:crypto';
import * as MS from '@emurgo/cardano-message-signing-nodejs';
import * as CSL from '@emurgo/cardano-serialization-lib-nodejs';
import { AddressType, InMemoryKeyAgent, util as kmUtil, type GroupedAddress } from '@cardano-sdk/key-management';
import * as Crypto from '@cardano-sdk/crypto';
import { Cardano } from '@cardano-sdk/core';
import type { HexBlob } from '@cardano-sdk/util';
import { networkIdOf, type CardanoNetwork } from './address';

export interface WalletSigner {
  /** bech32 */
  stake: string;
  base: string;
  enterprise: string;
  /** CIP-30 `signData(addr, payload)`: `payload` hex; returns the DataSignature hex strings. */
  signData(address: string, payloadHex: string): Promise<{ signature: string; key: string }>;
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const harden = (n: number) => 0x80000000 + n;

// ---------------------------------------------------------------------------------------------
// Nami lineage: cardano-message-signing + cardano-serialization-lib
// ---------------------------------------------------------------------------------------------

export interface NamiOptions {
  /** Key that signs regardless of the address (no honest Nami does this: for the stake-key-for-base refusal). */
  forceKey?: 'payment' | 'stake';
  /** `builder.hash_payload()` — the CIP-8 hashed form (blake2b-224 of the payload). */
  hashPayload?: boolean;
  /** `builder.set_external_aad(...)` — CIP-30 wallets never set it. */
  externalAad?: Uint8Array;
}

/** Nami's `extractKeyHash`: which key credential the address names (CSL's typed address views). */
function namiKeyRole(address: CSL.Address): { role: 'payment' | 'stake'; hash: Uint8Array } {
  const base = CSL.BaseAddress.from_address(address);
  const enterprise = CSL.EnterpriseAddress.from_address(address);
  const reward = CSL.RewardAddress.from_address(address);
  const cred = base?.payment_cred() ?? enterprise?.payment_cred() ?? reward?.payment_cred();
  const hash = cred?.to_keyhash();
  if (!hash) throw { code: 2, info: 'AddressNotPK' }; // Nami: DataSignError.AddressNotPK
  return { role: reward ? 'stake' : 'payment', hash: hash.to_bytes() };
}

export function namiSigner(network: CardanoNetwork = 'mainnet', opts: NamiOptions = {}): WalletSigner {
  const networkId = networkIdOf(network);
  const root = CSL.Bip32PrivateKey.from_bip39_entropy(randomBytes(32), new Uint8Array(0));
  const account = root.derive(harden(1852)).derive(harden(1815)).derive(harden(0));
  const keys = { payment: account.derive(0).derive(0).to_raw_key(), stake: account.derive(2).derive(0).to_raw_key() };
  const paymentCred = CSL.Credential.from_keyhash(keys.payment.to_public().hash());
  const stakeCred = CSL.Credential.from_keyhash(keys.stake.to_public().hash());
  const stake = CSL.RewardAddress.new(networkId, stakeCred).to_address().to_bech32();
  const base = CSL.BaseAddress.new(networkId, paymentCred, stakeCred).to_address().to_bech32();
  const enterprise = CSL.EnterpriseAddress.new(networkId, paymentCred).to_address().to_bech32();

  async function signData(address: string, payloadHex: string) {
    const addressBytes = Buffer.from(address, 'hex'); // Nami: the address arrives as hex bytes
    const { role, hash } = namiKeyRole(CSL.Address.from_bytes(addressBytes));
    const accountKey = keys[opts.forceKey ?? role];
    const publicKey = accountKey.to_public();
    if (!opts.forceKey && hexOf(publicKey.hash().to_bytes()) !== hexOf(hash)) throw { code: 1, info: 'ProofGeneration' };

    const protectedHeaders = MS.HeaderMap.new();
    protectedHeaders.set_algorithm_id(MS.Label.from_algorithm_id(MS.AlgorithmId.EdDSA));
    protectedHeaders.set_header(MS.Label.new_text('address'), MS.CBORValue.new_bytes(addressBytes));
    const headers = MS.Headers.new(MS.ProtectedHeaderMap.new(protectedHeaders), MS.HeaderMap.new());
    const builder = MS.COSESign1Builder.new(headers, Buffer.from(payloadHex, 'hex'), false);
    if (opts.hashPayload) builder.hash_payload();
    if (opts.externalAad) builder.set_external_aad(opts.externalAad);
    const toSign = builder.make_data_to_sign().to_bytes();
    const coseSign1 = builder.build(accountKey.sign(toSign).to_bytes());

    const key = MS.COSEKey.new(MS.Label.from_key_type(MS.KeyType.OKP));
    key.set_algorithm_id(MS.Label.from_algorithm_id(MS.AlgorithmId.EdDSA));
    key.set_header(MS.Label.new_int(MS.Int.new_negative(MS.BigNum.from_str('1'))), MS.CBORValue.new_int(MS.Int.new_i32(6)));
    key.set_header(MS.Label.new_int(MS.Int.new_negative(MS.BigNum.from_str('2'))), MS.CBORValue.new_bytes(publicKey.as_bytes()));
    return { signature: hexOf(coseSign1.to_bytes()), key: hexOf(key.to_bytes()) };
  }
  return { stake, base, enterprise, signData };
}

// ---------------------------------------------------------------------------------------------
// Lace: @cardano-sdk/key-management cip30signData through an InMemoryKeyAgent
// ---------------------------------------------------------------------------------------------

const silent = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

/** Lace `addrToSignWith` (cardano-js-sdk packages/wallet/src/cip30.ts), DRep-key-hash branch left out. */
function addrToSignWith(addr: string): Cardano.PaymentAddress | Cardano.RewardAccount {
  return Cardano.isRewardAccount(addr) ? Cardano.RewardAccount(addr) : Cardano.PaymentAddress(addr);
}

export async function laceSigner(network: CardanoNetwork = 'mainnet'): Promise<WalletSigner> {
  const chainId = network === 'mainnet' ? Cardano.ChainIds.Mainnet : network === 'preprod' ? Cardano.ChainIds.Preprod : Cardano.ChainIds.Preview;
  const agent = await InMemoryKeyAgent.fromBip39MnemonicWords(
    { chainId, mnemonicWords: kmUtil.generateMnemonicWords(), getPassphrase: async () => Buffer.from('walletgate-test') },
    { logger: silent, bip32Ed25519: await Crypto.SodiumBip32Ed25519.create() },
  );
  const grouped = await agent.deriveAddress({ type: AddressType.External, index: 0 }, 0);
  const paymentHash = Cardano.Address.fromBech32(grouped.address).asBase()!.getPaymentCredential();
  const enterprise = Cardano.EnterpriseAddress.fromCredentials(chainId.networkId, paymentHash).toAddress().toBech32();
  // The enterprise form of the same payment key, known to the agent like any of its addresses.
  const knownAddresses: GroupedAddress[] = [grouped, { ...grouped, address: Cardano.PaymentAddress(enterprise) }];

  const signData = (address: string, payloadHex: string) =>
    agent.signCip8Data({ knownAddresses, signWith: addrToSignWith(address), payload: payloadHex as HexBlob });
  return { stake: grouped.rewardAccount, base: grouped.address, enterprise, signData };
}

export type WalletSignerKind = 'lace' | 'nami';

export const walletSigner = (kind: WalletSignerKind, network: CardanoNetwork = 'mainnet'): Promise<WalletSigner> =>
  kind === 'lace' ? laceSigner(network) : Promise.resolve(namiSigner(network));

/** What the wallet's CIP-30 API answers: addresses as hex bytes (Lace `cardanoAddressToCbor`, Nami `getRewardAddress`). */
export function cip30Answers(signer: WalletSigner, network: CardanoNetwork = 'mainnet') {
  const hex = (bech32: string) => hexOf(CSL.Address.from_bech32(bech32).to_bytes());
  return {
    networkId: networkIdOf(network),
    rewardAddresses: [hex(signer.stake)],
    usedAddresses: [hex(signer.base)],
    changeAddress: hex(signer.base),
    signData: signer.signData,
  };
}
