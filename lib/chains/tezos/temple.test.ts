/**
 * Temple through Beacon, signed as Temple signs: madfish-solutions/templewallet-extension src/lib/temple/back/dapp.ts
 * (requestSign → generatePromisifySign → vault.sign(dApp.pkh, req.payload), no watermark) and
 * src/lib/temple/back/vault/index.ts (getSigner → createMemorySigner(privateKey), i.e. Taquito's InMemorySigner;
 * sign(bytes) → prefixSig). Temple shows the payload as text only when it matches its TEZ_MSG_SIGN_PATTERN
 * (lower-case hex of `05 01 <len> "Tezos Signed Message: "…`), so ours must.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';

// Copied from Temple's dapp.ts: the payloads it previews as a signed message.
const TEZ_MSG_SIGN_PATTERN = /^0501[a-f0-9]{8}54657a6f73205369676e6564204d6573736167653a20[a-f0-9]*$/;

const SECRETS = { tz1: PrefixV2.Ed25519Seed, tz2: PrefixV2.Secp256k1SecretKey, tz3: PrefixV2.P256SecretKey } as const;

describe.each(Object.entries(SECRETS))('Temple account %s', (prefix, secretPrefix) => {
  it('signs our payload with InMemorySigner (no watermark), Temple previews it as text, and it signs in', async () => {
    const signer = await InMemorySigner.fromSecretKey(b58Encode(randomBytes(32), secretPrefix));
    const address = await signer.publicKeyHash();
    expect(address.startsWith(prefix)).toBe(true);
    const req = signInRequest('tezos', address);
    const payload = req.signing.payload as string;
    expect(payload).toMatch(TEZ_MSG_SIGN_PATTERN);
    const { prefixSig: signature } = await signer.sign(payload);
    const body = { chain: 'tezos', address, message: req.message, signature, publicKey: await signer.publicKey(), payload };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true, account: { address } });
    // Temple's vault.sign takes a watermark only for operations; one added here is not our payload.
    const watermarked = (await signer.sign(payload, new Uint8Array([3]))).prefixSig;
    expect(await verifySignIn({ ...body, signature: watermarked }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});
