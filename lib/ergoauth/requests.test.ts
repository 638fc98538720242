/**
 * The ErgoAuth request store end to end, without a server: the stand-in Ergo Wallet app
 * (lib/chains/ergo/test-mobile-wallet.ts, following ergoplatform/ergo-wallet-app's ErgoAuth.kt / ErgoAuthUiLogic.kt)
 * talks to the route handlers themselves; real keys, real proofs, PGlite and (when configured) Postgres.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getRequest } from '../../app/api/ergoauth/requests/[id]/route';
import { POST as postReply } from '../../app/api/ergoauth/requests/[id]/reply/route';
import { intentFor, issueSignatureRequest, verifyWalletProof } from '../auth/sign-in';
import { newTestKey } from '../chains/ergo/test-keys';
import { answerErgoAuth } from '../chains/ergo/test-mobile-wallet';
import { freshDatabase, postgresUrl } from '../../test/helpers/db';
import { isAppError } from '../errors';
import { pollErgoAuth, startErgoAuth, walletReply, walletRequest } from './requests';

const ROUTE_RE = /^https:\/\/walletgate\.test\/api\/ergoauth\/requests\/([^/]+)(\/reply)?$/;

/** The wallet's HTTP client, routed to the route handlers (the app's APP_URL is https://walletgate.test here). */
const transport: typeof fetch = async (input, init) => {
  const url = String(input);
  const match = ROUTE_RE.exec(url);
  if (!match) throw new Error(`wallet fetched an unexpected URL: ${url}`);
  const ctx = { params: Promise.resolve({ id: match[1] }) };
  const req = new Request(url, init);
  return match[2] ? postReply(req, ctx) : getRequest(req, ctx);
};

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (isAppError(e) ? e.code : `threw ${String(e)}`));

async function started(key = newTestKey()) {
  const issued = await issueSignatureRequest(intentFor('sign-in'), 'ergo', key.mainnet, null);
  const request = await startErgoAuth({ address: key.mainnet, message: issued.message });
  return { key, issued, request };
}

for (const [name, url] of [['PGlite', 'memory://'], ['Postgres', postgresUrl]] as const) {
  describe.skipIf(!url)(`ErgoAuth requests on ${name}`, () => {
    beforeAll(async () => void (await freshDatabase(url)), 180_000); // PGlite start-up is slow on a loaded machine

    it('gives the wallet an ErgoAuthRequest it accepts; its reply reaches only the token holder, once; the nonce signs in', async () => {
      const { key, issued, request } = await started();
      expect(request.uri).toBe(`ergoauth://walletgate.test/api/ergoauth/requests/${request.id}`);
      expect(request.id).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const json = await walletRequest(request.id);
      expect(json).toMatchObject({ messageSeverity: 'INFORMATION', replyTo: `https://walletgate.test/api/ergoauth/requests/${request.id}/reply` });
      expect(json.signingMessage.endsWith(issued.message)).toBe(true);
      expect(await pollErgoAuth(request.id, { token: request.token })).toEqual({ status: 'pending' });

      const answer = await answerErgoAuth(request.uri, key, 'mainnet', { transport });
      expect(answer.status).toBe(200);
      expect(await codeOf(pollErgoAuth(request.id, { token: 'not-the-token' }))).toBe('not_found');
      const poll = await pollErgoAuth(request.id, { token: request.token });
      expect(poll).toMatchObject({ status: 'signed', signedMessage: answer.signedMessage });
      expect(await codeOf(pollErgoAuth(request.id, { token: request.token }))).toBe('nonce_mismatch');

      const proof = poll.status === 'signed' ? poll : never();
      const body = { chain: 'ergo', address: key.mainnet, message: issued.message, signature: proof.proof, form: 'ergoauth', signedMessage: proof.signedMessage };
      expect(await verifyWalletProof(body)).toMatchObject({ chain: 'ergo', address: key.mainnet });
      expect(await codeOf(verifyWalletProof(body))).toBe('nonce_mismatch');
    });

    it('refuses a reply by another key, tells the waiting browser, and takes no second reply', async () => {
      const { key, request } = await started();
      const bad = await answerErgoAuth(request.uri, key, 'mainnet', { transport, signWith: newTestKey() });
      expect(bad).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
      expect(await codeOf(pollErgoAuth(request.id, { token: request.token }))).toBe('invalid_signature');
      expect(await codeOf(walletRequest(request.id))).toBe('nonce_mismatch');
    });

    it('refuses a reply that signed another request’s message, or a changed text, or no host', async () => {
      const a = await started();
      const b = await started(a.key);
      const signingMessage = (await walletRequest(b.request.id)).signingMessage;
      const cross = await answerErgoAuth(a.request.uri, a.key, 'mainnet', { transport, signingMessage });
      expect(cross).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
      expect(await codeOf(pollErgoAuth(a.request.id, { token: a.request.token }))).toBe('invalid_signature');

      const tampered = await answerErgoAuth(b.request.uri, b.key, 'mainnet', { transport, tamper: (t) => t.replace('Sign in to', 'Sign In to') });
      expect(tampered).toMatchObject({ status: 401 });

      const cold = await started();
      expect(await answerErgoAuth(cold.request.uri, cold.key, 'mainnet', { transport, omitHost: true })).toMatchObject({ status: 422, body: { error: { code: 'domain_mismatch' } } });
    });

    it('a replayed good reply is refused (409) and changes nothing', async () => {
      const { key, request } = await started();
      const { request: json } = await answerErgoAuth(request.uri, key, 'mainnet', { transport });
      const again = await answerErgoAuth(request.uri, key, 'mainnet', { transport, replyTo: json.replyTo }).catch((e: Error) => e.message);
      expect(again).toMatch(/409/); // the wallet's GET already fails: the request was answered
      expect(await codeOf(walletReply(request.id, { signedMessage: 'x', proof: 'AAAA' }))).toBe('nonce_mismatch');
      expect(await pollErgoAuth(request.id, { token: request.token })).toMatchObject({ status: 'signed' });
    });

    it('refuses an expired request, with the reason for the waiting browser', async () => {
      const { request } = await started();
      const later = new Date(Date.now() + 3600_000);
      expect(await codeOf(walletRequest(request.id, later))).toBe('expired');
      expect(await codeOf(walletReply(request.id, { signedMessage: 'x', proof: 'AAAA' }, later))).toBe('expired');
      expect(await codeOf(pollErgoAuth(request.id, { token: request.token }, later))).toBe('expired');
    });

    it('refuses unknown ids, garbage replies and starts for a nonce it did not issue or another address', async () => {
      expect(await codeOf(walletRequest('x'.repeat(32)))).toBe('not_found');
      expect(await codeOf(walletRequest('../../etc'))).toBe('not_found');
      const { key, issued, request } = await started();
      expect(await codeOf(walletReply(request.id, { signedMessage: 'x', proof: 'not base64!' }))).toBe('malformed_input');
      expect(await codeOf(pollErgoAuth(request.id, { token: request.token }))).toBe('malformed_input');
      expect(await codeOf(startErgoAuth({ address: key.mainnet, message: issued.message.replace(issued.nonce, 'Zz'.repeat(11)) }))).toBe('nonce_mismatch');
      expect(await codeOf(startErgoAuth({ address: newTestKey().mainnet, message: issued.message }))).toBe('address_mismatch');
      expect(await codeOf(startErgoAuth({ address: key.testnet, message: issued.message }))).toBe('wrong_network');
      expect(await codeOf(startErgoAuth({ address: key.mainnet }))).toBe('malformed_input');
      expect(await codeOf(pollErgoAuth(request.id, {}))).toBe('malformed_input');
    });
  });
}

describe('ErgoAuth on an origin phone wallets cannot reach', () => {
  it('refuses to start one for an http app on a public host (the wallets would fetch over https)', async () => {
    const state = globalThis as { __walletgateEnv?: unknown };
    const before = process.env.APP_URL;
    process.env.APP_URL = 'http://walletgate.test';
    state.__walletgateEnv = undefined;
    try {
      expect(await codeOf(startErgoAuth({ address: newTestKey().mainnet, message: 'x' }))).toBe('forbidden');
    } finally {
      process.env.APP_URL = before;
      state.__walletgateEnv = undefined;
    }
  });
});

function never(): never {
  throw new Error('unreachable');
}
