/**
 * MetaMask's own signing code against our verifier. MetaMask answers personal_sign in its keyring
 * (MetaMask/accounts packages/keyring-eth-simple/src/simple-keyring.ts `signPersonalMessage`):
 * `personalSign({ privateKey, data: msgHex })` from @metamask/eth-sig-util, where msgHex is the hex param the dapp
 * sent (wagmi/viem send the UTF-8 bytes of the text as 0x-hex).
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { personalSign } from '@metamask/eth-sig-util';
import { privateKeyToAccount } from 'viem/accounts';
import { stringToHex, toHex } from 'viem';
import { verifySignIn } from '../../auth/core';
import { expectAt, signInRequest } from '../../../test/helpers/relying-party';

const key = randomBytes(32);
const address = privateKeyToAccount(toHex(key)).address;
const metamaskSign = (data: string, privateKey = key) => personalSign({ privateKey, data });

function request() {
  const req = signInRequest('ethereum', address);
  return { message: req.message, body: { chain: 'ethereum', address, message: req.message } };
}

describe('MetaMask (eth-sig-util personalSign) → ethereum verifier', () => {
  it('signs in with the signature MetaMask makes over the hex param wagmi sends', async () => {
    const { message, body } = request();
    const signature = metamaskSign(stringToHex(message));
    expect(await verifySignIn({ ...body, signature }, expectAt())).toMatchObject({ ok: true, account: { chain: 'ethereum', address } });
  });

  it('makes the same signature when a dapp sends the text itself instead of hex', () => {
    const { message } = request();
    expect(metamaskSign(message)).toBe(metamaskSign(stringToHex(message)));
  });

  it('refuses a MetaMask signature by another account', async () => {
    const { message, body } = request();
    const signature = metamaskSign(stringToHex(message), randomBytes(32));
    expect(await verifySignIn({ ...body, signature }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('refuses a MetaMask signature over other text (the hex string signed as characters)', async () => {
    const { message, body } = request();
    const signature = metamaskSign(stringToHex(stringToHex(message)));
    expect(await verifySignIn({ ...body, signature }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('refuses a valid MetaMask signature replayed with an edited message', async () => {
    const { message, body } = request();
    const signature = metamaskSign(stringToHex(message));
    const edited = message.replace('Sign in to', 'Sign in To');
    expect(edited).not.toBe(message);
    expect(await verifySignIn({ ...body, message: edited, signature }, expectAt())).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});
