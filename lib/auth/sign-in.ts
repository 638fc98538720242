import 'server-only';
/**
 * The app's sign-in service: the verification core plus what is database- and session-specific
 * (nonce store, users and wallets). Route handlers parse, call these, and answer.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CHAINS } from '../chains/registry';
import { isChainId, type ChainId } from '../chains/types';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { createSignInRequest, verifySignIn, type Account, type RelyingParty } from './core';
import { parseBody } from '../validate';
import { consumeNonce, newNonce, storeNonce } from './nonces';

/** What a signature is for. Each has its own statement and resource, so no signature can be replayed for another. */
export type Purpose = 'sign-in' | 'link' | 'move';
export const PURPOSE_LIST: Purpose[] = ['sign-in', 'link', 'move'];

const PURPOSES: Record<Purpose, { statement: (app: string) => string; resource: string }> = {
  'sign-in': { statement: (app) => `Sign in to ${app} with this wallet.`, resource: 'urn:walletgate:sign-in' },
  link: { statement: (app) => `Link this wallet to your ${app} account.`, resource: 'urn:walletgate:link' },
  move: {
    statement: (app) => `Move this wallet from the ${app} account it is linked to now, to my account.`,
    resource: 'urn:walletgate:move',
  },
};

/**
 * What one signature authorises: the nonce row records `purpose`, the message carries `statement` and `resources`.
 * Sign-in, link, move and every wallet-signed action (lib/actions) go through the same two functions below.
 */
export interface SignatureIntent {
  purpose: string;
  statement: string;
  resources: string[];
}

export const intentFor = (purpose: Purpose): SignatureIntent => ({
  purpose,
  statement: PURPOSES[purpose].statement(env().appName),
  resources: [PURPOSES[purpose].resource],
});

export const relyingParty = (): RelyingParty => ({ origin: env().appUrl, networks: env().networks });

const nonceBody = z.object({ chain: z.string().max(32), address: z.string().min(1).max(256), purpose: z.enum(PURPOSE_LIST).default('sign-in') });

export function parseChain(chain: string): ChainId {
  if (!isChainId(chain)) throw new AppError('unsupported_chain', `Unknown chain "${chain.slice(0, 32)}".`);
  if (CHAINS[chain].status !== 'live') throw new AppError('unsupported_chain', `${CHAINS[chain].name} sign-in is coming soon.`);
  return chain;
}


/**
 * POST /api/auth/nonce: a fresh single-use nonce and the exact text to sign. Linking and moving a wallet need a
 * session; their nonce is bound to that user.
 */
export async function requestSignIn(body: unknown, userId: string | null) {
  const input = parseBody(nonceBody, body);
  const purpose = input.purpose;
  if (purpose !== 'sign-in' && !userId) throw new AppError('unauthenticated', 'Sign in first to link a wallet.');
  const { address: _normalized, ...request } = await issueSignatureRequest(intentFor(purpose), parseChain(input.chain), input.address, purpose === 'sign-in' ? null : userId);
  return request;
}

/** A fresh single-use nonce for `intent`, bound to chain, address, user and the exact text; and that text. */
export async function issueSignatureRequest(intent: SignatureIntent, chain: ChainId, address: string, userId: string | null) {
  const e = env();
  const nonce = newNonce();
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + e.nonceTtlSeconds * 1000);
  const req = createSignInRequest(relyingParty(), { chain, address, nonce, issuedAt, expiresAt, statement: intent.statement, resources: intent.resources });
  await storeNonce(nonce, { chain, address: req.address, purpose: intent.purpose, userId }, req.message, issuedAt, expiresAt);
  return { nonce, message: req.message, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString(), signing: req.signing, address: req.address };
}

/** Verifies a wallet's answer for `intent` and spends its nonce (bound to `userId`). Throws AppError on any rejection. */
export async function verifyWalletProof(body: unknown, intent: Purpose | SignatureIntent = 'sign-in', userId: string | null = null): Promise<Account> {
  const e = env();
  const x = typeof intent === 'string' ? intentFor(intent) : intent;
  const result = await verifySignIn(body, {
    ...relyingParty(),
    statement: x.statement,
    resources: x.resources,
    clockSkewSeconds: e.clockSkewSeconds,
    rpc: e.endpoints,
    // A wallet's own template (Kukai) proves control of the address only: fine for sign-in and link, not for a move
    // or an action, whose signed text must state what is agreed to.
    walletTemplates: x.purpose === 'sign-in' || x.purpose === 'link',
    consumeNonce: (nonce, account, message, template) =>
      consumeNonce(nonce, { chain: account.chain, address: account.address, purpose: x.purpose, userId }, message, new Date(), template),
  });
  if (!result.ok) throw new AppError(result.code, result.message);
  if (CHAINS[result.account.chain].status !== 'live') throw new AppError('unsupported_chain', 'This chain is not available.');
  return result.account;
}

/** The user owning this wallet, creating both on first sign-in. Safe under concurrent first sign-ins. */
export async function userForWallet(account: Account): Promise<{ userId: string; walletId: string }> {
  const prisma = await db();
  const key = { chain_address: { chain: account.chain, address: account.address } };
  const existing = await prisma.wallet.findUnique({ where: key });
  if (existing) {
    await prisma.wallet.update({ where: { id: existing.id }, data: { lastUsedAt: new Date() } });
    return { userId: existing.userId, walletId: existing.id };
  }
  const userId = randomUUID();
  const walletId = randomUUID();
  try {
    await prisma.user.create({
      data: { id: userId, wallets: { create: { id: walletId, chain: account.chain, address: account.address, caip10: account.caip10 } } },
    });
    return { userId, walletId };
  } catch (e) {
    const winner = await prisma.wallet.findUnique({ where: key });
    if (winner) return { userId: winner.userId, walletId: winner.id }; // another request created it first
    throw e;
  }
}
