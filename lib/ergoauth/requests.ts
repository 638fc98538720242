import 'server-only';
/**
 * ErgoAuth (EIP-28) requests: the browser that holds a sign-in nonce for an Ergo address asks for one, shows its
 * `ergoauth://` QR code, and polls; the phone wallet GETs the request and POSTs its reply. The reply is verified here
 * (so a bad one is refused at once and the waiting browser sees why), then handed once, to the browser holding the
 * token, which finishes through POST /api/auth/verify like every other wallet (nonce spent there, session cookie
 * set there). The phone never gets a session. Every state change is one conditional UPDATE.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseSignInMessage } from '../auth/message';
import { hashMessage } from '../auth/nonces';
import { relyingParty } from '../auth/sign-in';
import { verifySignIn } from '../auth/core';
import { parseP2pkAddress } from '../chains/ergo/address';
import { ergoAuthUri, walletRequestHost } from '../chains/ergo/ergoauth';
import { db } from '../db';
import { env } from '../env';
import { AppError, isAppError, type ErrorCode } from '../errors';
import { parseBody } from '../validate';
import { ergoAuthRequestJson, readWalletReply } from './wallet-json';

const startSchema = z.object({ address: z.string().min(1).max(256), message: z.string().min(1).max(8192) });
const pollSchema = z.object({ token: z.string().min(1).max(128) });
const ID_RE = /^[A-Za-z0-9_-]{32}$/;
const PURGE_AFTER_MS = 10 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const base64 = { encode: (t: string) => Buffer.from(t, 'utf8').toString('base64'), decode: (b: string) => Buffer.from(b, 'base64').toString('utf8') };

function requireReachable() {
  if (!walletRequestHost(env().appUrl))
    throw new AppError('forbidden', 'Phone wallets (ErgoAuth) need this app on https (http only on localhost or an IP address).');
}

/** POST /api/ergoauth/requests `{address, message}`: the message must be a live sign-in nonce's, for that address. */
export async function startErgoAuth(body: unknown, now = new Date()) {
  requireReachable();
  const input = parseBody(startSchema, body);
  const address = parseP2pkAddress(input.address, env().networks.ergo).address;
  const parsed = parseSignInMessage(input.message);
  if (parsed.address !== address) throw new AppError('address_mismatch', 'The message names another address.');
  const prisma = await db();
  const nonce = await prisma.nonce.findFirst({
    where: { value: parsed.nonce, chain: 'ergo', address, messageHash: hashMessage(input.message), expiresAt: { gt: now } },
  });
  if (!nonce) throw new AppError('nonce_mismatch', 'This sign-in request is unknown, used or expired — try again.');
  const id = randomBytes(24).toString('base64url');
  const token = randomBytes(32).toString('base64url');
  await prisma.ergoAuthRequest.create({
    data: { id, tokenHash: sha256(token), address, nonce: nonce.value, message: input.message, expiresAt: nonce.expiresAt },
  });
  await prisma.ergoAuthRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - PURGE_AFTER_MS) } } });
  return { id, token, uri: ergoAuthUri(env().appUrl, `/api/ergoauth/requests/${id}`), expiresAt: nonce.expiresAt.toISOString() };
}

async function openRequest(id: string, now: Date) {
  const row = ID_RE.test(id) ? await (await db()).ergoAuthRequest.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError('not_found', 'This ErgoAuth request is unknown.');
  if (row.status !== 'pending') throw new AppError('nonce_mismatch', 'This ErgoAuth request was already answered.');
  if (row.expiresAt <= now) throw new AppError('expired', 'This ErgoAuth request expired — start again on the sign-in page.');
  return row;
}

/** GET /api/ergoauth/requests/:id — the ErgoAuthRequest the wallet shows and signs. */
export async function walletRequest(id: string, now = new Date()) {
  const row = await openRequest(id, now);
  return ergoAuthRequestJson(row.id, row.address, row.message);
}

/** POST /api/ergoauth/requests/:id/reply — one reply per request; a bad one fails the request for the waiting browser. */
export async function walletReply(id: string, body: unknown, now = new Date()) {
  const row = await openRequest(id, now);
  const prisma = await db();
  try {
    const reply = readWalletReply(body);
    const result = await verifySignIn(
      { chain: 'ergo', address: row.address, message: row.message, signature: reply.proof, form: 'ergoauth', signedMessage: reply.signedMessage },
      // The proof is checked here so the waiting browser hears of a bad reply at once; the nonce is spent later,
      // when that browser signs in with it (POST /api/auth/verify), so here it is only compared.
      { ...relyingParty(), nonce: row.nonce, clockSkewSeconds: env().clockSkewSeconds, now },
    );
    if (!result.ok) throw new AppError(result.code, result.message);
    const { count } = await prisma.ergoAuthRequest.updateMany({
      where: { id, status: 'pending', expiresAt: { gt: now } },
      data: { status: 'signed', signedMessage: base64.encode(reply.signedMessage), proof: reply.proof },
    });
    if (count !== 1) throw new AppError('nonce_mismatch', 'This ErgoAuth request was already answered.');
  } catch (e) {
    if (isAppError(e) && e.code !== 'nonce_mismatch')
      await prisma.ergoAuthRequest.updateMany({ where: { id, status: 'pending' }, data: { status: 'failed', errorCode: e.code, errorMessage: e.message } });
    throw e;
  }
}

export type PollResult = { status: 'pending' } | { status: 'signed'; signedMessage: string; proof: string };

/** POST /api/ergoauth/requests/:id/poll `{token}` — only the browser that started the request learns the reply, once. */
export async function pollErgoAuth(id: string, body: unknown, now = new Date()): Promise<PollResult> {
  const { token } = parseBody(pollSchema, body);
  const prisma = await db();
  const where = { id: ID_RE.test(id) ? id : '', tokenHash: sha256(token) };
  const row = await prisma.ergoAuthRequest.findFirst({ where });
  if (!row) throw new AppError('not_found', 'This ErgoAuth request is unknown.');
  if (row.status === 'failed') throw new AppError((row.errorCode ?? 'invalid_signature') as ErrorCode, `The wallet's answer was refused: ${row.errorMessage ?? 'invalid.'}`);
  if (row.status === 'signed') {
    const { count } = await prisma.ergoAuthRequest.updateMany({ where: { ...where, status: 'signed' }, data: { status: 'delivered' } });
    if (count === 1) return { status: 'signed', signedMessage: base64.decode(row.signedMessage!), proof: row.proof! };
  }
  if (row.status !== 'pending') throw new AppError('nonce_mismatch', 'This ErgoAuth request was already used.');
  if (row.expiresAt <= now) throw new AppError('expired', 'The phone did not answer in time — try again.');
  return { status: 'pending' };
}
