import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignature } from '@meshsdk/core';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { parseAddress } from './address';
import { meshWallet, textHex } from './test-keys';

type Wallet = Awaited<ReturnType<typeof meshWallet>>;
const PREPROD = { ...RP, networks: { ...RP.networks, cardano: 'preprod' as const } };
let alice: Wallet;
let bob: Wallet;
let carol: Wallet; // preprod

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([meshWallet(), meshWallet(), meshWallet('preprod')]);
});

/** Asks the RP for a message naming `address`, has `signer` sign it as a CIP-30 wallet would (signData(addr, payload)). */
async function signIn(address: string, signer: Wallet = alice, signAs = address, rp = RP) {
  const req = signInRequest('cardano', address, { rp });
  const ds = await signer.signData(signAs, req.signing.payload as string);
  return { req, body: { chain: 'cardano', address, message: req.message, signature: ds.signature, publicKey: ds.key } };
}

describe('cardano verifier (CIP-30 signData, CIP-8 COSE_Sign1)', () => {
  it('asks the wallet to sign the hex of the UTF-8 text, on the CIP-34 chain id', async () => {
    const { req } = await signIn(alice.stake);
    expect(req.signing).toEqual({ payload: Buffer.from(req.message, 'utf8').toString('hex') });
    expect(req.message).toContain(`\n${alice.stake}\n`);
    expect(req.message).toContain('Chain ID: 1-764824073');
    expect(signInRequest('cardano', carol.stake, { rp: PREPROD }).message).toContain('Chain ID: 0-1');
  });

  it('accepts a headless Mesh wallet signing for its stake address', async () => {
    const { body } = await signIn(alice.stake);
    const r = await verifySignIn(body, expectAt());
    expect(r).toMatchObject({ ok: true, account: { chain: 'cardano', address: alice.stake, caip10: `cip34:1-764824073:${alice.stake}` } });
    expect(await checkSignature(body.message, { key: body.publicKey, signature: body.signature }, alice.stake)).toBe(true);
  });

  it('accepts the payment key for a base and for an enterprise address', async () => {
    expect(await verifySignIn((await signIn(alice.base)).body, expectAt())).toMatchObject({ ok: true, account: { address: alice.base } });
    expect(await verifySignIn((await signIn(alice.enterprise)).body, expectAt())).toMatchObject({ ok: true });
  });

  it('accepts the address as hex (as wallets return it) and names it in bech32', async () => {
    const hexAddress = Buffer.from(parseAddress(alice.stake).bytes).toString('hex');
    const { body } = await signIn(hexAddress, alice, alice.stake);
    expect(body.message).toContain(`\n${alice.stake}\n`);
    expect(await verifySignIn({ ...body, address: hexAddress }, expectAt())).toMatchObject({ ok: true, account: { address: alice.stake } });
  });

  it('works on preprod with a testnet wallet', async () => {
    const { body } = await signIn(carol.stake, carol, carol.stake, PREPROD);
    expect(await verifySignIn(body, expectAt(undefined, PREPROD))).toMatchObject({ ok: true, account: { caip10: `cip34:0-1:${carol.stake}` } });
  });

  it('rejects another wallet signing a message that names this address', async () => {
    const { body } = await signIn(alice.stake, bob, bob.stake);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it("rejects this wallet's signature paired with another wallet's key", async () => {
    const { body } = await signIn(alice.stake);
    const { body: bobs } = await signIn(bob.stake, bob);
    expect(await verifySignIn({ ...body, publicKey: bobs.publicKey }, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects a claimed address of another key (body and message name it, the wallet signs as itself)', async () => {
    const { body } = await signIn(bob.stake, alice, alice.stake);
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
    const { body: asBase } = await signIn(bob.base, alice, alice.base);
    expect(await verifySignIn(asBase, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects a signature made for the stake address when the base address is claimed (and vice versa)', async () => {
    const stakeSigned = await signIn(alice.stake);
    const req = signInRequest('cardano', alice.base);
    const stakeDs = await alice.signData(alice.stake, req.signing.payload as string);
    const body = { chain: 'cardano', address: alice.base, message: req.message, signature: stakeDs.signature, publicKey: stakeDs.key };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
    const baseDs = await alice.signData(alice.base, stakeSigned.req.signing.payload as string);
    const back = { ...stakeSigned.body, signature: baseDs.signature, publicKey: baseDs.key };
    expect(await verifySignIn(back, expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });

  it('rejects one changed byte of the message, of the COSE payload, and of the signature', async () => {
    const { body } = await signIn(alice.stake);
    const message = body.message.replace('Sign in to', 'Sign in To');
    expect(await verifySignIn({ ...body, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const payloadHex = textHex(body.message);
    const tampered = body.signature.replace(payloadHex, textHex(body.message.replace('Sign in to', 'Sign in To')));
    expect(tampered).not.toBe(body.signature);
    expect(await verifySignIn({ ...body, signature: tampered }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const last = body.signature.length - 2;
    const flipped = body.signature.slice(0, last) + (parseInt(body.signature.slice(last), 16) ^ 1).toString(16).padStart(2, '0');
    expect(await verifySignIn({ ...body, signature: flipped }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects the other network: stake_test1 form of a mainnet key, a mainnet address on preprod, a preview message on preprod', async () => {
    const testnetForm = parseAddress(alice.stake);
    const bytes = Uint8Array.from(testnetForm.bytes);
    bytes[0] = bytes[0] & 0xf0; // same key hash, network id 0
    const { addressFromBytes } = await import('./address');
    const stakeTest = addressFromBytes(bytes).bech32;
    expect(stakeTest.startsWith('stake_test1')).toBe(true);
    expect(() => signInRequest('cardano', stakeTest)).toThrow(/testnet/);
    const { body } = await signIn(alice.stake);
    expect(await verifySignIn({ ...body, address: stakeTest }, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(await verifySignIn(body, expectAt(undefined, PREPROD))).toMatchObject({ ok: false, code: 'wrong_network' });
    const PREVIEW = { ...RP, networks: { ...RP.networks, cardano: 'preview' as const } };
    const { body: preview } = await signIn(carol.stake, carol, carol.stake, PREVIEW);
    expect(await verifySignIn(preview, expectAt(undefined, PREPROD))).toMatchObject({ ok: false, code: 'wrong_network' });
  });

  it('rejects an expired message and a message for another domain', async () => {
    const { body } = await signIn(alice.stake);
    const later = new Date(expectAt().now.getTime() + 6 * 60_000);
    expect(await verifySignIn(body, expectAt(undefined, RP, later))).toMatchObject({ ok: false, code: 'expired' });
    const { body: evil } = await signIn(alice.stake, alice, alice.stake, { ...RP, origin: 'https://evil.test' });
    expect(await verifySignIn(evil, expectAt())).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });
});
