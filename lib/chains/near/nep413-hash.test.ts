/** nep413Digest against near-kit 0.19 itself: its serializer (dist/utils/nep413.js) and its KeyPair.signNep413Message. */
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64 } from '@scure/base';
import { generateKey } from 'near-kit';
// Not in near-kit's exports map; read straight from the package so the comparison is with its real code.
import { serializeNep413Message } from '../../../node_modules/near-kit/dist/utils/nep413.js';
import { verifyEd25519 } from '../../crypto/ed25519';
import { nep413Digest } from './nep413-hash';
import { nep413Nonce } from './nep413';

const params = { message: 'walletgate.test wants you to sign in — ünïcødé ✓', recipient: 'walletgate.test', nonce: nep413Nonce('abc123XYZ') };

describe('nep413Digest', () => {
  it('equals near-kit serializeNep413Message (no callbackUrl)', () => {
    expect(Buffer.from(nep413Digest(params)).toString('hex')).toBe(Buffer.from(serializeNep413Message(params)).toString('hex'));
  });

  it('is what near-kit signNep413Message signs: the native check accepts it, and refuses another recipient', () => {
    const key = generateKey();
    const signed = key.signNep413Message!('alice.near', params);
    const signature = base64.decode(signed.signature);
    expect(ed25519.verify(signature, nep413Digest(params), key.publicKey.data)).toBe(true);
    expect(verifyEd25519(signature, nep413Digest(params), key.publicKey.data)).toBe(true);
    expect(verifyEd25519(signature, nep413Digest({ ...params, recipient: 'evil.example' }), key.publicKey.data)).toBe(false);
  });

  it('equals near-kit serializeNep413Message with a callbackUrl (Borsh Some), and differs from None', () => {
    const withUrl = { ...params, callbackUrl: 'https://walletgate.test/sign-in?x=1' };
    expect(Buffer.from(nep413Digest(withUrl)).toString('hex')).toBe(Buffer.from(serializeNep413Message(withUrl)).toString('hex'));
    expect(Buffer.from(nep413Digest(withUrl)).equals(Buffer.from(nep413Digest(params)))).toBe(false);
  });

  it('refuses a nonce that is not 32 bytes', () => {
    expect(() => nep413Digest({ ...params, nonce: new Uint8Array(31) })).toThrow();
  });
});
