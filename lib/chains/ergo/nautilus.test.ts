/**
 * Nautilus as its own code signs, verified by our verifier (nautls/nautilus-wallet):
 * - sign_data: src/extension/connector/views/DataSignView.vue builds `ErgoMessage.fromData(message)` (Fleet; its
 *   network stays at the mainnet default, also on testnet) and src/chains/ergo/signing.ts `signMessage` proves
 *   `message.serialize().toBytes()`;
 * - auth: src/chains/ergo/signing.ts `buildAuthMessage(message, origin)` =
 *   `${message};${origin};${unix seconds};${hex(randomBytes(32))}` proved over `utf8.decode(signedMessage)` (UTF-8
 *   bytes), with origin from src/extension/content-scripts/contentScript.ts `getHost` = `new URL(origin).host`.
 * Proofs are made with Fleet's prover (`generateProof`, what Nautilus's Prover calls), keys from ErgoHDKey.
 */
import { describe, expect, it } from 'vitest';
import { ErgoMessage, Network } from '@fleet-sdk/core';
import { hex, randomBytes, utf8 } from '@fleet-sdk/crypto';
import { ErgoHDKey, generateProof } from '@fleet-sdk/wallet';
import { verifySignIn } from '../../auth/core';
import { NOW, RP, expectAt, signInRequest } from '../../../test/helpers/relying-party';
import { P2PK_PROOF_LENGTH } from './constants';

const TESTNET_RP = { ...RP, networks: { ...RP.networks, ergo: 'testnet' as const } };

function nautilusKey() {
  const key = new ErgoHDKey({ privateKey: randomBytes(32) });
  // Fleet drops a leading zero byte of z now and then; sigma-rust verifies only the 56-byte form, so draw again.
  const prove = (bytes: Uint8Array) => {
    for (;;) {
      const proof = generateProof(bytes, key);
      if (proof.length === P2PK_PROOF_LENGTH) return hex.encode(proof);
    }
  };
  return { key, prove };
}

const buildAuthMessage = (message: string, origin: string, now: Date) =>
  `${message};${origin};${Math.floor(now.getTime() / 1000)};${hex.encode(randomBytes(32))}`;

describe('Nautilus, signing as its source does', () => {
  for (const [network, rp, prefix] of [['mainnet', RP, Network.Mainnet], ['testnet', TESTNET_RP, Network.Testnet]] as const) {
    it(`sign_data over Fleet's ErgoMessage with the default (mainnet) network byte, on ${network}`, async () => {
      const { key, prove } = nautilusKey();
      const address = key.address.encode(prefix);
      const { message } = signInRequest('ergo', address, { rp });
      const ergoMessage = ErgoMessage.fromData(message);
      expect(ergoMessage.serialize().toBytes()[1]).toBe(0x00);
      const body = { chain: 'ergo', address, message, signature: prove(ergoMessage.serialize().toBytes()) };
      expect(await verifySignIn(body, expectAt(undefined, rp))).toMatchObject({ ok: true, account: { address } });
    });
  }

  it('auth over "<message>;<host without scheme>;<unix seconds>;<64 hex>"', async () => {
    const { key, prove } = nautilusKey();
    const address = key.address.encode(Network.Mainnet);
    const { message } = signInRequest('ergo', address);
    const host = new URL('https://walletgate.test').host;
    const signedMessage = buildAuthMessage(message, host, new Date(NOW.getTime() + 2000));
    const body = { chain: 'ergo', address, message, signature: prove(utf8.decode(signedMessage)), form: 'auth', signedMessage };
    expect(await verifySignIn(body, expectAt())).toMatchObject({ ok: true });
    const withScheme = buildAuthMessage(message, 'https://walletgate.test', NOW);
    const refused = { ...body, signature: prove(utf8.decode(withScheme)), signedMessage: withScheme };
    expect(await verifySignIn(refused, expectAt())).toMatchObject({ ok: false, code: 'domain_mismatch' });
  });
});
