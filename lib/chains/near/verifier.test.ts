import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateKey, type KeyPair } from 'near-kit';
import { base58, base64 } from '@scure/base';
import { verifySignIn, type SignInExpectations } from '../../auth/core';
import { NOW, RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { toHex } from './keys';
import { nep413Nonce } from './nep413';
import { rpcError, rpcResult, startStubRpc, type StubRpc } from './stub-rpc';

const key = generateKey();
const other = generateKey();
const implicitOf = (k: KeyPair) => toHex(k.publicKey.data);
const implicit = implicitOf(key);
const NAMED = 'alice.near';
const NONCE = 'n0nceAbCdEf0123456789x';

interface SignOpts {
  account?: string;
  signer?: KeyPair;
  recipient?: string;
  nonceText?: string;
  rp?: typeof RP;
}

/** Builds the request for `account` and signs it exactly as a NEP-413 wallet does (near-kit's KeyPair). */
function signed({ account = implicit, signer = key, recipient, nonceText, rp }: SignOpts = {}) {
  const req = signInRequest('near', account, { rp });
  expect(req.signing).toEqual({ recipient: new URL((rp ?? RP).origin).host, nonce: base64.encode(nep413Nonce(NONCE)) });
  const sm = signer.signNep413Message!(account, {
    message: req.message,
    recipient: recipient ?? (req.signing.recipient as string),
    nonce: nonceText ? nep413Nonce(nonceText) : base64.decode(req.signing.nonce as string),
  });
  return { chain: 'near', address: account, message: req.message, signature: sm.signature, publicKey: sm.publicKey };
}

let stub: StubRpc;
const withRpc = (timeoutMs = 2000): SignInExpectations => ({ ...expectAt(), rpc: { near: { url: stub.url, timeoutMs } } });
const fullAccess = rpcResult({ nonce: 85, permission: 'FullAccess', block_height: 19884918, block_hash: 'GGJQ8yjmo7aEoj8ZpAhGehnq9BSWFx4xswHYzDwwAP2n' });

beforeAll(async () => {
  stub = await startStubRpc();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.calls = [];
  stub.answer = () => fullAccess;
});

describe('near verifier: NEP-413 signature', () => {
  it('accepts an implicit account signing with its own key, offline', async () => {
    const r = await verifySignIn(signed(), expectAt());
    expect(r).toMatchObject({ ok: true, account: { chain: 'near', address: implicit, caip10: `near:mainnet:${implicit}` } });
    expect(stub.calls).toHaveLength(0);
  });

  it('rejects a signature for another recipient', async () => {
    expect(await verifySignIn(signed({ recipient: 'evil.test' }), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('binds the recipient to the app host and ignores recipient/nonce sent by the client', async () => {
    const otherRp = { ...RP, origin: 'https://app.example:8443' };
    const body = signed({ rp: otherRp, recipient: 'app.example:8443' });
    expect(await verifySignIn(body, expectAt(undefined, otherRp))).toMatchObject({ ok: true });
    const forged = { ...signed({ recipient: 'evil.test', nonceText: 'x' }), recipient: 'evil.test', nonce: base64.encode(nep413Nonce('x')) };
    expect(await verifySignIn(forged, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a signature over another NEP-413 nonce', async () => {
    expect(await verifySignIn(signed({ nonceText: 'otherNonce123456' }), expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a message carrying a nonce the server did not issue', async () => {
    expect(await verifySignIn(signed(), expectAt('anotherNonce99'))).toMatchObject({ ok: false, code: 'nonce_mismatch' });
  });

  it('spends the nonce once: a replay is refused', async () => {
    const used = new Set<string>();
    const consumeNonce = async (nonce: string) => (used.has(nonce) ? false : (used.add(nonce), true));
    const body = signed();
    const x = { ...RP, now: NOW, consumeNonce };
    expect(await verifySignIn(body, x)).toMatchObject({ ok: true });
    expect(await verifySignIn(body, x)).toMatchObject({ ok: false, code: 'nonce_mismatch' });
  });

  it('rejects one changed character of the message', async () => {
    const body = signed();
    const message = body.message.replace('Sign in to', 'Sign in To');
    expect(await verifySignIn({ ...body, message }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a signature by another key presented with this key', async () => {
    const body = signed({ signer: other });
    const r = await verifySignIn({ ...body, publicKey: key.publicKey.toString() }, expectAt());
    expect(r).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects another key claiming an implicit account (valid signature, wrong account)', async () => {
    expect(await verifySignIn(signed({ signer: other }), expectAt())).toMatchObject({ ok: false, code: 'address_mismatch' });
  });
});

describe('near verifier: named accounts through view_access_key', () => {
  it('accepts a FullAccess key, asking the RPC at final finality for this account and key', async () => {
    const body = signed({ account: NAMED });
    expect(await verifySignIn(body, withRpc())).toMatchObject({ ok: true, account: { address: NAMED } });
    expect(stub.calls).toEqual([
      { method: 'query', params: { request_type: 'view_access_key', finality: 'final', account_id: NAMED, public_key: body.publicKey } },
    ]);
  });

  it('rejects a function-call key', async () => {
    stub.answer = () => rpcResult({ nonce: 1, permission: { FunctionCall: { allowance: '1', receiver_id: 'app.near', method_names: [] } } });
    expect(await verifySignIn(signed({ account: NAMED }), withRpc())).toMatchObject({ ok: false, code: 'key_not_authorized' });
  });

  it('rejects a key the account does not have (nearcore error and the older result.error form)', async () => {
    stub.answer = () => rpcError('UNKNOWN_ACCESS_KEY', { public_key: 'x' });
    expect(await verifySignIn(signed({ account: NAMED, signer: other }), withRpc())).toMatchObject({ ok: false, code: 'key_not_authorized' });
    stub.answer = () => rpcResult({ error: 'access key ed25519:x does not exist while viewing', logs: [], block_height: 1 });
    expect(await verifySignIn(signed({ account: NAMED }), withRpc())).toMatchObject({ ok: false, code: 'key_not_authorized' });
  });

  it('rejects an unknown account', async () => {
    stub.answer = () => rpcError('UNKNOWN_ACCOUNT', { requested_account_id: NAMED });
    expect(await verifySignIn(signed({ account: NAMED }), withRpc())).toMatchObject({ ok: false, code: 'key_not_authorized' });
  });

  it('binds 0x… (eth-implicit) accounts through the RPC like named ones', async () => {
    const eth = `0x${'ab'.repeat(20)}`;
    stub.answer = () => rpcError('UNKNOWN_ACCESS_KEY');
    expect(await verifySignIn(signed({ account: eth }), withRpc())).toMatchObject({ ok: false, code: 'key_not_authorized' });
    expect(stub.calls[0]?.params.account_id).toBe(eth);
  });

  it('never asks the RPC when the signature is wrong', async () => {
    expect(await verifySignIn(signed({ account: NAMED, recipient: 'evil.test' }), withRpc())).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(stub.calls).toHaveLength(0);
  });

  it('is unavailable (503) without NEAR_RPC_URL, when the RPC is down, slow, failing or answering garbage', async () => {
    const r = await verifySignIn(signed({ account: NAMED }), expectAt());
    expect(r).toMatchObject({ ok: false, code: 'unavailable' });
    expect(r.ok === false && r.message).toMatch(/NEAR_RPC_URL/);
    const replies = [
      () => 'hang' as const,
      () => ({ status: 500 }),
      () => ({ status: 429 }),
      () => ({ raw: '<html>oops' }),
      () => rpcError('UNAVAILABLE_SHARD'),
      () => rpcResult({ nonce: 1 }),
      () => rpcResult({ error: 'something else broke' }),
    ];
    for (const answer of replies) {
      stub.answer = answer;
      expect(await verifySignIn(signed({ account: NAMED }), withRpc(150))).toMatchObject({ ok: false, code: 'unavailable' });
    }
    const down = { ...expectAt(), rpc: { near: { url: 'http://127.0.0.1:1', timeoutMs: 500 } } };
    expect(await verifySignIn(signed({ account: NAMED }), down)).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

describe('near verifier: network and malformed input', () => {
  it('writes the CAIP-2 chain id near:<network>', () => {
    expect(signInRequest('near', implicit).message).toContain('\nChain ID: mainnet\n');
  });

  it('rejects an account of the other network', async () => {
    const testnetRp = { ...RP, networks: { ...RP.networks, near: 'testnet' as const } };
    expect(await verifySignIn({ ...signed(), address: 'bob.testnet' }, expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(await verifySignIn(signed({ account: NAMED }), expectAt(undefined, testnetRp))).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(await verifySignIn(signed({ rp: testnetRp }), expectAt())).toMatchObject({ ok: false, code: 'wrong_network' });
    expect(() => signInRequest('near', 'bob.testnet')).toThrow(/testnet account/);
  });

  it('normalises the account id to lowercase and refuses invalid ids', async () => {
    expect(signInRequest('near', implicit.toUpperCase()).address).toBe(implicit);
    for (const address of ['a', 'alice!.near', 'alice..near', '-alice.near', 'a'.repeat(65), 'al ice.near']) {
      expect(await verifySignIn({ ...signed(), address }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    }
  });

  it('refuses non-ed25519 keys and malformed keys as malformed input', async () => {
    const body = signed();
    const raw = base58.encode(key.publicKey.data);
    const bad = [undefined, raw, `secp256k1:${base58.encode(new Uint8Array(64).fill(7))}`, `ml-dsa-65:${raw}`, 'ed25519:0OIl', `ed25519:${raw.slice(0, -4)}`, 'ed25519:'];
    for (const publicKey of bad) {
      expect(await verifySignIn({ ...body, publicKey }, expectAt())).toMatchObject({ ok: false, code: 'malformed_input' });
    }
  });

  it('refuses signatures that are not 64 bytes of padded base64', async () => {
    const body = signed();
    const bytes = base64.decode(body.signature);
    const bad = [`ed25519:${base58.encode(bytes)}`, base58.encode(bytes), toHex(bytes), body.signature.replace(/=+$/, ''), base64.encode(bytes.slice(0, 63)), '!!!!', '='];
    for (const signature of bad) {
      const r = await verifySignIn({ ...body, signature }, expectAt());
      expect(r).toMatchObject({ ok: false, code: 'malformed_input' });
    }
    const zeros = base64.encode(new Uint8Array(64));
    expect(await verifySignIn({ ...body, signature: zeros }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('never throws on garbage bodies', async () => {
    for (const body of [null, 42, 'x', {}, { chain: 'near' }, { ...signed(), message: '' }, { ...signed(), signature: 12 }, { ...signed(), publicKey: {} }]) {
      const r = await verifySignIn(body, expectAt());
      expect(r.ok).toBe(false);
    }
  });
});
