/**
 * Sign-ins signed by the libraries Cardano wallets run, laid out as each wallet's own source calls them
 * (wallet-signers.ts names the files: IntersectMBO/nami src/api/extension/index.js `signDataCIP30`;
 * input-output-hk/cardano-js-sdk packages/key-management/src/cip8/cip30signData.ts and packages/wallet/src/cip30.ts
 * for Lace), verified by our verifier through verifySignIn. Keys are fresh BIP32-Ed25519 keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as MS from '@emurgo/cardano-message-signing-nodejs';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { parseAddress, type CardanoNetwork } from './address';
import { laceSigner, namiSigner, type WalletSigner } from './wallet-signers';

const PREPROD = { ...RP, networks: { ...RP.networks, cardano: 'preprod' as const } };
const hexAddress = (bech32: string) => Buffer.from(parseAddress(bech32).bytes).toString('hex');
const hexToBytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

const WALLETS: Record<string, (network?: CardanoNetwork) => Promise<WalletSigner>> = {
  'Nami lineage (cardano-message-signing + serialization-lib)': async (network) => namiSigner(network),
  'Lace (@cardano-sdk/key-management cip30signData)': (network) => laceSigner(network),
};
type Kind = 'stake' | 'base' | 'enterprise';

/** A sign-in as our connector runs it: nonce for `claimed`, the wallet's signData(hex address, hex payload). */
async function signIn(wallet: WalletSigner, kind: Kind, opts: { claimed?: string; signAs?: string; rp?: typeof RP } = {}) {
  const claimed = opts.claimed ?? wallet[kind];
  const req = signInRequest('cardano', claimed, { rp: opts.rp });
  const ds = await wallet.signData(opts.signAs ?? hexAddress(wallet[kind]), req.signing.payload as string);
  return { chain: 'cardano', address: claimed, message: req.message, signature: ds.signature, publicKey: ds.key };
}

/** Rebuilds the wallet's COSE_Sign1 with its signature kept and the protected `address` (or the payload) replaced. */
function tamper(signatureHex: string, change: { address?: Uint8Array; payload?: Uint8Array }): string {
  const sign1 = MS.COSESign1.from_bytes(hexToBytes(signatureHex));
  const headers = sign1.headers();
  let protectedHeaders = headers.protected();
  if (change.address) {
    const map = protectedHeaders.deserialized_headers();
    map.set_header(MS.Label.new_text('address'), MS.CBORValue.new_bytes(change.address));
    protectedHeaders = MS.ProtectedHeaderMap.new(map);
  }
  const rebuilt = MS.COSESign1.new(MS.Headers.new(protectedHeaders, headers.unprotected()), change.payload ?? sign1.payload(), sign1.signature());
  return Buffer.from(rebuilt.to_bytes()).toString('hex');
}

describe.each(Object.entries(WALLETS))('%s', (_name, make) => {
  let alice: WalletSigner;
  let bob: WalletSigner;
  let carol: WalletSigner; // preprod
  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([make(), make(), make('preprod')]);
  });

  it.each<Kind>(['stake', 'base', 'enterprise'])('signs in with its %s address (claimed in bech32, signData given hex)', async (kind) => {
    const body = await signIn(alice, kind);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true, account: { chain: 'cardano', address: alice[kind] } });
  });

  it.each<Kind>(['stake', 'base', 'enterprise'])('signs in with its %s address claimed as CIP-30 hex', async (kind) => {
    const body = await signIn(alice, kind, { claimed: hexAddress(alice[kind]) });
    expect(body.message).toContain(`\n${alice[kind]}\n`);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true, account: { address: alice[kind] } });
  });

  it('signs in on preprod with a testnet wallet, and is refused on the other network', async () => {
    const body = await signIn(carol, 'stake', { rp: PREPROD });
    expect(await verifySignIn(body, expectAt(undefined, PREPROD))).toMatchObject({ ok: true });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    const mainnet = await signIn(alice, 'base');
    expect(await verifySignIn(mainnet, expectAt(undefined, PREPROD))).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(() => signInRequest('cardano', carol.base)).toThrow(/testnet/);
  });

  it('refuses its signature over another message (COSE payload swapped, signature kept)', async () => {
    const body = await signIn(alice, 'stake');
    const other = signInRequest('cardano', alice.stake, { nonce: 'otherNonce0123456789ab' });
    const swapped = tamper(body.signature, { payload: Buffer.from(other.message, 'utf8') });
    expect(await verifySignIn({ ...body, message: other.message, signature: swapped }, expectAt('otherNonce0123456789ab'))).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(await verifySignIn({ ...body, message: other.message }, expectAt('otherNonce0123456789ab'))).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('refuses a rewritten address header: same payment key (signature breaks) and another address (mismatch)', async () => {
    const body = await signIn(alice, 'base', { claimed: alice.enterprise });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' }); // header names the base address
    const rewritten = tamper(body.signature, { address: parseAddress(alice.enterprise).bytes });
    expect(await verifySignIn({ ...body, signature: rewritten }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const forBob = await signIn(alice, 'stake', { claimed: bob.stake });
    const foreign = tamper(forBob.signature, { address: parseAddress(bob.stake).bytes }); // header now names bob
    expect(await verifySignIn({ ...forBob, signature: foreign }, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it("refuses another wallet's signature for a message naming this address", async () => {
    const body = await signIn(bob, 'stake', { claimed: alice.stake });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });
});

describe('the layouts we followed (decoded with the wallets’ own COSE library)', () => {
  const labels = (map: MS.HeaderMap) => {
    const keys = map.keys();
    return Array.from({ length: keys.len() }, (_, i) => {
      const l = keys.get(i);
      return l.as_text() ?? Number(l.as_int()?.as_i32());
    });
  };

  it('Nami: protected {1, "address"}, unprotected {"hashed": false}; Lace adds kid (4) = address bytes', async () => {
    const nami = namiSigner();
    const lace = await laceSigner();
    for (const [wallet, expected] of [[nami, [1, 'address']], [lace, [1, 4, 'address']]] as const) {
      const ds = await wallet.signData(hexAddress(wallet.stake), '00');
      const sign1 = MS.COSESign1.from_bytes(hexToBytes(ds.signature));
      const prot = sign1.headers().protected().deserialized_headers();
      expect(labels(prot).sort()).toEqual([...expected].sort());
      expect(Buffer.from(prot.header(MS.Label.new_text('address'))!.as_bytes()!).toString('hex')).toBe(hexAddress(wallet.stake));
      expect(labels(sign1.headers().unprotected())).toEqual(['hashed']);
      expect(sign1.headers().unprotected().header(MS.Label.new_text('hashed'))!.as_special()!.as_bool()).toBe(false);
      const key = MS.COSEKey.from_bytes(hexToBytes(ds.key));
      expect(key.key_type().as_int()?.as_i32()).toBe(1); // OKP
      expect(key.algorithm_id()?.as_int()?.as_i32()).toBe(-8); // EdDSA
    }
  });
});

describe('Nami-lineage builder options and the stake-key policy', () => {
  it('accepts the hashed form (builder.hash_payload(): blake2b-224 of the message, "hashed": true)', async () => {
    const wallet = namiSigner('mainnet', { hashPayload: true });
    expect(await verifySignIn(await signIn(wallet, 'stake'), expectAt())).toMatchObject({ ok: true });
  });

  it('refuses a non-empty external_aad (CIP-30 wallets sign h\'\'; we verify over h\'\')', async () => {
    const wallet = namiSigner('mainnet', { externalAad: Uint8Array.from([1, 2, 3]) });
    expect(await verifySignIn(await signIn(wallet, 'stake'), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('POLICY: a stake-key signature does not stand for the base address (key_not_authorized); the payment key does', async () => {
    const wallet = namiSigner('mainnet', { forceKey: 'stake' });
    expect(await verifySignIn(await signIn(wallet, 'base'), expectAt())).toMatchObject({ ok: false, code: 'key_not_authorized' });
    expect(await verifySignIn(await signIn(wallet, 'enterprise'), expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
    expect(await verifySignIn(await signIn(wallet, 'stake'), expectAt())).toMatchObject({ ok: true });
  });

  it('Nami reads the address as hex only; Lace also takes bech32', async () => {
    const nami = namiSigner();
    await expect(nami.signData(nami.stake, '00')).rejects.toBeDefined();
    const lace = await laceSigner();
    const body = await signIn(lace, 'base', { signAs: lace.base });
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
  });
});
