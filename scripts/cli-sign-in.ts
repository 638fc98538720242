/**
 * Sign in from a terminal with a local key and call the gated API with a bearer token — the flow any non-browser
 * client (CLI, mobile app, another backend) follows:
 *
 *   1. POST /api/auth/nonce   {chain, address}                      -> {message, signing}: the exact text to sign
 *   2. sign `message` in the chain's wallet format (EIP-191, CIP-8, NEP-413, Micheline, EIP-12)
 *   3. POST /api/auth/verify  {chain, address, message, signature, publicKey?, …, "session": "token"}
 *                                                                     -> {token, tokenType: "Bearer", expiresAt}; no cookie
 *   4. GET  /api/members/content   Authorization: Bearer <token>     -> 403 forbidden (a fresh key holds no pass)
 *   5. (--grant, demo mode) POST /api/demo/holdings {action: "grant"} with the bearer, then GET again -> 200
 *   6. POST /api/auth/logout with the bearer revokes the token; the gated API then answers 401
 *
 * Usage: npx tsx scripts/cli-sign-in.ts --base http://localhost:3000 --chain ethereum [--grant] [--network testnet]
 * Exits 0 only on the expected outcome (403 before the grant, 200 after it, 401 after sign-out); non-zero otherwise.
 */
import { parseArgs } from 'node:util';
import { CHAIN_IDS, type ChainId } from '../lib/chains/types';
import { LOCAL_WALLETS, type Network } from './cli-wallets';

const { values } = parseArgs({
  options: { base: { type: 'string', default: 'http://localhost:3000' }, chain: { type: 'string', default: 'ethereum' }, grant: { type: 'boolean', default: false }, network: { type: 'string', default: 'mainnet' } },
});
const base = new URL(values.base!).origin;
const chain = values.chain as ChainId;

class StepFailed extends Error {}

async function call(step: string, path: string, init: { body?: unknown; token?: string; method?: string }, expected: number) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${base}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const data = (await res.json().catch(() => null)) as Record<string, any> | null;
  const detail = data?.error ? `${data.error.code}: ${data.error.message}` : '';
  console.log(`${res.status === expected ? '✔' : '✘'} ${step}: ${init.method ?? (init.body === undefined ? 'GET' : 'POST')} ${path} -> ${res.status} ${detail}`.trimEnd());
  if (res.status !== expected) throw new StepFailed(`expected ${expected}, got ${res.status}`);
  return { data: data ?? {}, res };
}

async function main() {
  if (!(CHAIN_IDS as readonly string[]).includes(chain)) throw new StepFailed(`--chain must be one of ${CHAIN_IDS.join(', ')}`);
  const wallet = await LOCAL_WALLETS[chain](values.network === 'testnet' ? 'testnet' : ('mainnet' as Network));
  console.log(`local ${chain} key: ${wallet.address}`);

  const { data: request } = await call('1 nonce', '/api/auth/nonce', { body: { chain, address: wallet.address } }, 200);
  console.log(`  message to sign:\n${String(request.message).replace(/^/gm, '    | ')}`);
  const signed = await wallet.sign({ message: request.message, signing: request.signing });
  console.log('✔ 2 signed locally');
  const body = { ...signed.extras, chain, address: wallet.address, message: request.message, signature: signed.signature, publicKey: signed.publicKey, session: 'token' };
  const { data: verified, res } = await call('3 verify (session: token)', '/api/auth/verify', { body }, 200);
  if (res.headers.get('set-cookie')) throw new StepFailed('verify with "session": "token" must not set a cookie');
  if (verified.tokenType !== 'Bearer' || typeof verified.token !== 'string') throw new StepFailed('no bearer token in the answer');
  console.log(`  bearer token for user ${verified.user.id}, expires ${verified.expiresAt}`);
  const token: string = verified.token;

  await call('4 gated API before the grant', '/api/members/content', { token }, 403);
  if (values.grant) {
    await call('5 grant the demo pass', '/api/demo/holdings', { body: { action: 'grant' }, token }, 200);
    const { data } = await call('5 gated API after the grant', '/api/members/content', { token }, 200);
    console.log(`  members content: ${data.content?.headline} (pass: ${data.rule?.label}, balance ${data.balance})`);
  }
  await call('6 sign out (revokes the token)', '/api/auth/logout', { body: {}, token }, 200);
  await call('6 gated API after sign-out', '/api/members/content', { token }, 401);
  console.log('OK');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof StepFailed ? `FAILED: ${e.message}` : e);
    process.exit(1);
  },
);
