import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifySignIn } from '../../auth/core';
import { RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { demoWalletStorageKey } from '../types';
import { connectDemoWallet, createDemoKey } from './demo-wallet';

const TESTNET_RP = { ...RP, networks: { ...RP.networks, ergo: 'testnet' as const } };
const secret = () => crypto.getRandomValues(new Uint8Array(32));

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

afterEach(() => vi.unstubAllGlobals());

describe('ergo demo wallet (Fleet SDK, Nautilus layout)', () => {
  it('makes proofs the server verifier accepts, many times over (mainnet)', async () => {
    const key = await createDemoKey(secret(), 'mainnet');
    expect(key.address).toMatch(/^9/);
    for (let i = 0; i < 20; i++) {
      const req = signInRequest('ergo', key.address, { nonce: `demoNonce${i}x` });
      const body = { chain: 'ergo', address: key.address, message: req.message, signature: key.signData(req.message), form: 'sign_data' };
      expect(await verifySignIn(body, expectAt(`demoNonce${i}x`))).toMatchObject({ ok: true });
    }
  });

  it('signs on testnet with a 3… address (network byte left at mainnet, as Nautilus does)', async () => {
    const key = await createDemoKey(secret(), 'testnet');
    expect(key.address).toMatch(/^3/);
    const req = signInRequest('ergo', key.address, { rp: TESTNET_RP });
    const body = { chain: 'ergo', address: key.address, message: req.message, signature: key.signData(req.message) };
    expect(await verifySignIn(body, expectAt(undefined, TESTNET_RP))).toMatchObject({ ok: true });
  });

  it('a proof for one message does not verify for another, nor for another demo key', async () => {
    const key = await createDemoKey(secret(), 'mainnet');
    const other = await createDemoKey(secret(), 'mainnet');
    const req = signInRequest('ergo', key.address);
    const signature = key.signData(req.message.replace('Sign in to', 'Sign in To'));
    expect(await verifySignIn({ chain: 'ergo', address: key.address, message: req.message, signature }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
    const foreign = other.signData(req.message);
    expect(await verifySignIn({ chain: 'ergo', address: key.address, message: req.message, signature: foreign }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('keeps its key in localStorage and signs through the ConnectedWallet interface', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const first = await connectDemoWallet('mainnet');
    const again = await connectDemoWallet('mainnet');
    expect(again.address).toBe(first.address);
    expect(storage.items.get(demoWalletStorageKey('ergo'))).toMatch(/^[0-9a-f]{64}$/);
    const req = signInRequest('ergo', first.address);
    const signed = await first.sign({ message: req.message, signing: req.signing });
    expect(signed.extras).toEqual({ form: 'sign_data' });
    expect(await verifySignIn({ chain: 'ergo', address: first.address, message: req.message, ...signed, ...signed.extras }, expectAt())).toMatchObject({ ok: true });
  });
});
