import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemorySigner } from '@taquito/signer';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { demoWalletStorageKey } from '../types';
import type { Curve } from './keys';
import { demoKeyFromSecret, generateDemoKey } from './demo-keys';
import { connectDemoWallet } from './demo-wallet';

const CURVES: Curve[] = ['ed25519', 'secp256k1', 'p256'];

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

describe.each(CURVES)('tezos demo keys (%s)', (curve) => {
  it('encode the same secret, public key and address as @taquito/signer', async () => {
    const key = generateDemoKey(curve);
    const signer = await InMemorySigner.fromSecretKey(key.secretKey);
    expect(await signer.publicKey()).toBe(key.publicKey);
    expect(await signer.publicKeyHash()).toBe(key.address);
    expect(demoKeyFromSecret(key.secretKey)).toMatchObject({ curve, publicKey: key.publicKey, address: key.address });
  });

  it('sign a sign-in the verifier accepts', async () => {
    const key = generateDemoKey(curve);
    const req = signInRequest('tezos', key.address);
    const payload = req.signing.payload as string;
    const body = { chain: 'tezos', address: key.address, message: req.message, signature: key.sign(payload), publicKey: key.publicKey, payload };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
    const other = generateDemoKey(curve);
    expect(await verifySignIn({ ...body, signature: other.sign(payload) }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});

describe('tezos demo wallet', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('produces an ed25519 signature byte-identical to @taquito/signer', async () => {
    const key = generateDemoKey('ed25519');
    const payload = signInRequest('tezos', key.address).signing.payload as string;
    const signer = await InMemorySigner.fromSecretKey(key.secretKey);
    expect(key.sign(payload)).toBe((await signer.sign(payload)).prefixSig);
  });

  it('keeps its key in localStorage and signs through the same fields the verifier reads', async () => {
    const wallet = connectDemoWallet();
    expect(wallet.address.startsWith('tz1')).toBe(true);
    expect(localStorage.getItem(demoWalletStorageKey('tezos'))).toMatch(/^edsk/);
    expect(connectDemoWallet().address).toBe(wallet.address);
    const req = signInRequest('tezos', wallet.address);
    const signed = await wallet.sign(req);
    const body = { chain: 'tezos', address: wallet.address, message: req.message, ...signed, ...signed.extras };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
  });

  it('refuses to sign a payload that is not the message shown', async () => {
    const wallet = connectDemoWallet('p256');
    const req = signInRequest('tezos', wallet.address);
    await expect(wallet.sign({ ...req, signing: { payload: `03${(req.signing.payload as string).slice(2)}` } })).rejects.toMatchObject({ code: 'failed' });
  });

  it('replaces an unreadable stored secret with a fresh key', () => {
    localStorage.setItem(demoWalletStorageKey('tezos'), 'garbage');
    expect(connectDemoWallet().address.startsWith('tz1')).toBe(true);
    expect(demoKeyFromSecret('garbage')).toBeNull();
  });
});
