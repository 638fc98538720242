import 'server-only';
/**
 * Wallet-signed actions on the server: issue the message for an action, then confirm it. The confirmation rebuilds
 * the expected statement and resources from the parameters it receives, verifies the signature with the same core
 * as sign-in, spends the nonce bound to the session's user, and only then performs the action in a transaction.
 */
import { z } from 'zod';
import { saveProfile, type Tx } from '../account/profile';
import type { AuthenticatedSession } from '../auth/authenticate';
import { issueSignatureRequest, parseChain, verifyWalletProof } from '../auth/sign-in';
import { verifierFor } from '../chains/verifiers';
import type { ChainId, ChainVerifier } from '../chains/types';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { actionIntent, parseAction, type ActionName, type ActionParams, type ParsedAction } from './registry';
import { parseBody } from '../validate';

type Performers = { [N in ActionName]: (tx: Tx, userId: string, params: ActionParams<N>) => Promise<unknown> };
const PERFORM: Performers = {
  'profile.update': (tx, userId, params) => saveProfile(tx, userId, params),
};

const nonceBody = z.object({ action: z.string().max(64), params: z.unknown(), walletId: z.string().min(1).max(64).optional() });
const confirmBody = z.object({ action: z.string().max(64), params: z.unknown(), chain: z.string().max(32), address: z.string().min(1).max(256) });

const notLinked = () => new AppError('forbidden', 'That wallet is not linked to your account: sign with one of your own wallets.');

/** POST /api/actions/nonce: the exact text to sign for this action, by one of the user's wallets. */
export async function requestAction(body: unknown, session: AuthenticatedSession) {
  const input = parseBody(nonceBody, body);
  const action = parseAction(input.action, input.params);
  const walletId = input.walletId ?? session.walletId;
  const wallet = await (await db()).wallet.findFirst({ where: { id: walletId, userId: session.userId } });
  if (!wallet) throw notLinked();
  const chain = parseChain(wallet.chain);
  const request = await issueSignatureRequest(actionIntent(action, env().appName), chain, wallet.address, session.userId);
  const { address, ...rest } = request;
  return { ...rest, chain, address, action: action.name, params: action.params };
}

/** POST /api/actions/confirm: verify the signature for exactly these parameters, then perform the action once. */
export async function confirmAction(body: unknown, session: AuthenticatedSession) {
  const input = parseBody(confirmBody, body);
  const action = parseAction(input.action, input.params);
  const chain = parseChain(input.chain);
  const address = (verifierFor(chain) as unknown as ChainVerifier<ChainId>).normalizeAddress(input.address, env().networks[chain]);
  const prisma = await db();
  // Before any verification (no RPC call, no nonce spent): only the user's own wallets may confirm.
  if (!(await prisma.wallet.findFirst({ where: { chain, address, userId: session.userId } }))) throw notLinked();
  const account = await verifyWalletProof(body, actionIntent(action, env().appName), session.userId);
  const result = await prisma.$transaction(async (tx) => {
    // The wallet could have been unlinked while the person was signing.
    if (!(await tx.wallet.findFirst({ where: { chain: account.chain, address: account.address, userId: session.userId } }))) throw notLinked();
    return perform(tx, session.userId, action);
  });
  return { action: action.name, result };
}

const perform = <N extends ActionName>(tx: Tx, userId: string, action: ParsedAction<N>) =>
  (PERFORM[action.name] as (tx: Tx, userId: string, params: ActionParams<N>) => Promise<unknown>)(tx, userId, action.params);
