import 'server-only';
/**
 * Bearer tokens for clients that are not this web page (a CLI, a mobile app, another backend): a short-lived HS256
 * JWT naming a server-side Session row (`sid`) and the wallet it was issued for (`wid`). Tokens are sessions too:
 * sign-out deletes the row and unlinking the wallet moves the row to another wallet, and either kills the token.
 * The key is derived from SESSION_SECRET with HKDF (never the raw secret, which also seals the cookies).
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import type { ActiveSession } from './session';

export interface TokenConfig {
  /** The newest SESSION_SECRET: signs new tokens. */
  secret: string;
  /** Older secrets of a rotation (SESSION_SECRET's list after the first): their tokens still verify. */
  previousSecrets?: readonly string[];
  /** The app's origin (APP_URL): the issuer; the audience is `${origin}/api`. */
  origin: string;
  ttlSeconds: number;
}

export interface TokenClaims {
  userId: string;
  sid: string;
  walletId: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

const KEY_INFO = 'walletgate jwt v1';
export const CLOCK_TOLERANCE_SECONDS = 5;
export const MAX_TOKEN_LENGTH = 4096;

export const tokenConfig = (): TokenConfig => {
  const [secret, ...previousSecrets] = env().sessionSecrets;
  return { secret, previousSecrets, origin: env().appUrl, ttlSeconds: env().jwtTtlSeconds };
};
export const tokenKey = (secret: string) => new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), KEY_INFO, 32));
export const tokenAudience = (origin: string) => `${origin}/api`;

const unauthenticated = (message: string) => new AppError('unauthenticated', message);

export async function signToken(c: Omit<TokenClaims, 'exp'>, cfg = tokenConfig(), now = new Date()): Promise<{ token: string; exp: number }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + cfg.ttlSeconds;
  const token = await new SignJWT({ sid: c.sid, wid: c.walletId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(cfg.origin)
    .setAudience(tokenAudience(cfg.origin))
    .setSubject(c.userId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(tokenKey(cfg.secret));
  return { token, exp };
}

/** Tries the newest secret's key first; only a signature mismatch moves on to the next (other failures are final). */
async function verifyWithAnyKey(token: string, cfg: TokenConfig, now: Date) {
  const keys = [cfg.secret, ...(cfg.previousSecrets ?? [])];
  for (let i = 0; ; i++) {
    try {
      return await jwtVerify(token, tokenKey(keys[i]), {
        algorithms: ['HS256'],
        issuer: cfg.origin,
        audience: tokenAudience(cfg.origin),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
        requiredClaims: ['sub', 'sid', 'wid', 'iat', 'exp'],
      });
    } catch (e) {
      if (!(e instanceof errors.JWSSignatureVerificationFailed) || i === keys.length - 1) throw e;
    }
  }
}

/** Checks signature, alg, issuer, audience and expiry. Throws AppError('unauthenticated') with the reason. */
export async function readToken(token: string, cfg = tokenConfig(), now = new Date()): Promise<TokenClaims> {
  if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated('The bearer token is too long.');
  try {
    const { payload } = await verifyWithAnyKey(token, cfg, now);
    const { sub, sid, wid, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof wid !== 'string' || typeof exp !== 'number')
      throw unauthenticated('The bearer token is missing a claim.');
    return { userId: sub, sid, walletId: wid, exp };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof errors.JWTExpired) throw unauthenticated('The bearer token expired — sign in again.');
    if (e instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`The bearer token is not valid here (${e.claim}).`);
    throw unauthenticated('The bearer token is invalid.');
  }
}

/** Starts a session for a verified wallet and returns its bearer token (no cookie). The row expires with the JWT. */
export async function issueTokenSession(userId: string, walletId: string, cfg = tokenConfig(), now = new Date()) {
  const sid = randomBytes(18).toString('base64url');
  const exp = Math.floor(now.getTime() / 1000) + cfg.ttlSeconds;
  await (await db()).session.create({ data: { id: sid, userId, walletId, expiresAt: new Date(exp * 1000) } });
  const { token } = await signToken({ userId, sid, walletId }, cfg, now);
  return { token, tokenType: 'Bearer' as const, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The live session a bearer token names; throws AppError('unauthenticated') when it is invalid or revoked. */
export async function sessionFromToken(token: string, cfg = tokenConfig(), now = new Date()): Promise<ActiveSession> {
  const claims = await readToken(token, cfg, now);
  const row = await (await db()).session.findUnique({
    where: { id: claims.sid },
    select: { expiresAt: true, userId: true, wallet: { select: { id: true, chain: true, address: true } } },
  });
  if (!row || row.userId !== claims.userId || row.expiresAt.getTime() <= now.getTime())
    throw unauthenticated('This token’s session has ended (signed out or expired) — sign in again.');
  if (row.wallet.id !== claims.walletId) throw unauthenticated('The wallet this token was issued for is no longer linked — sign in again.');
  const { chain, address } = row.wallet as { chain: ActiveSession['chain']; address: string };
  return { sid: claims.sid, userId: claims.userId, walletId: row.wallet.id, chain, address, exp: claims.exp * 1000 };
}
