/**
 * The framework-agnostic verification core: no Next.js, no database, no cookies (a test holds it to that).
 * createSignInRequest() builds the text a wallet signs; verifySignIn() checks what the wallet returned.
 * The app's route handlers call exactly these and add only HTTP, session and database concerns.
 */
import { z } from 'zod';
import { AppError, isAppError, type ErrorCode } from '../errors';
import { CHAINS } from '../chains/registry';
import { isChainId, type ChainId, type ChainVerifier, type ChainNetworks, type Endpoint, type SignInInput, type WalletTemplateClaims } from '../chains/types';
import { verifierFor } from '../chains/verifiers';
import { UpstreamError } from '../net/fetch-json';
import { parseBody } from '../validate';
import { createSignInMessage, parseSignInMessage, validateSignInMessage, type SignInMessage } from './message';
import { checkTemplateClaims } from './wallet-template';

export interface Account {
  chain: ChainId;
  address: string;
  /** CAIP-10 account id, e.g. `eip155:1:0xAbC…`. */
  caip10: string;
}

export interface RelyingParty {
  /** The app's origin, e.g. https://walletgate.example — messages bind its host (domain) and the origin (URI). */
  origin: string;
  networks: ChainNetworks;
}

export const originParts = (origin: string) => {
  const url = new URL(origin);
  return { domain: url.host, uri: url.origin };
};

export function caip2(chain: ChainId, network: ChainNetworks[ChainId]): string {
  const reference = (verifierFor(chain).chainReference as (n: unknown) => string)(network);
  return `${CHAINS[chain].namespace}:${reference}`;
}

function requireVerifier(chain: unknown) {
  if (!isChainId(chain)) throw new AppError('unsupported_chain', 'Unknown chain.');
  return verifierFor(chain) as unknown as ChainVerifier<ChainId>;
}

export interface SignInRequestOptions {
  chain: ChainId;
  address: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  statement: string;
  resources?: string[];
}

export interface SignInRequest {
  /** The normalised address (checksummed, bech32, …) the message names. */
  address: string;
  message: string;
  signing: Record<string, unknown>;
  parsed: SignInMessage;
}

/** Builds the exact text to sign for `address` on `chain`, plus the chain's signing parameters. Throws AppError. */
export function createSignInRequest(rp: RelyingParty, o: SignInRequestOptions): SignInRequest {
  const verifier = requireVerifier(o.chain);
  const network = rp.networks[o.chain];
  const address = verifier.normalizeAddress(o.address, network);
  const { domain, uri } = originParts(rp.origin);
  const parsed: SignInMessage = {
    prefix: CHAINS[o.chain].messagePrefix,
    domain,
    chainName: CHAINS[o.chain].name,
    address,
    statement: o.statement,
    uri,
    version: '1',
    chainId: verifier.chainReference(network),
    nonce: o.nonce,
    issuedAt: o.issuedAt.toISOString(),
    expirationTime: o.expiresAt.toISOString(),
    resources: o.resources,
  };
  const message = createSignInMessage(parsed);
  return { address, message, parsed, signing: verifier.signingParams(message, parsed, { domain, origin: uri }) };
}

/**
 * Called once the signature is proven; must atomically consume the nonce and say whether it was still valid.
 * `template` is set for a wallet's own template (Kukai): its text is the wallet's, so the store cannot compare it
 * with the text it issued; it must instead check the wallet signed within the nonce's lifetime (± the skew).
 */
export type ConsumeNonce = (nonce: string, account: Account, message: string, template?: TemplateSigning) => Promise<boolean | ErrorCode>;

/**
 * How the nonce is checked — at least one is required (a sign-in with no nonce check would be replayable):
 * `nonce`, the one you issued (the message must carry it), and/or `consumeNonce`, which spends it atomically.
 */
export type NonceCheck = { nonce: string; consumeNonce?: ConsumeNonce } | { nonce?: string; consumeNonce: ConsumeNonce };

export type SignInExpectations = RelyingParty & NonceCheck & {
  /** Accept a wallet's own authentication template (e.g. Kukai's) — only for requests that just prove control. */
  walletTemplates?: boolean;
  statement?: string;
  resources?: string[];
  now?: Date;
  clockSkewSeconds?: number;
  rpc?: Partial<Record<ChainId, Endpoint>>;
};

export interface TemplateSigning {
  form: string;
  signedAt: Date;
  clockSkewSeconds: number;
}

export type SignInResult =
  | { ok: true; account: Account; message: SignInMessage; template?: TemplateSigning }
  | { ok: false; code: ErrorCode; message: string };

const inputSchema = z.object({
  chain: z.string().max(32),
  address: z.string().min(1).max(256),
  message: z.string().min(1).max(8192),
  signature: z.string().min(1).max(16384),
  publicKey: z.string().min(1).max(1024).optional(),
});

const NONCE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  expired: 'Sign-in expired — try again.',
  nonce_mismatch: 'This sign-in request was already used or is unknown — try again.',
  not_yet_valid: 'The wallet says it signed before this sign-in request was made — check the device\'s clock, then try again.',
};

/** Verifies a sign-in. Never throws on bad input: every rejection is `{ ok: false, code, message }`. */
export async function verifySignIn(input: unknown, x: SignInExpectations): Promise<SignInResult> {
  // A caller error, not bad input: fail closed and loudly rather than accept a replayable sign-in.
  if (typeof x?.nonce !== 'string' && typeof x?.consumeNonce !== 'function')
    throw new TypeError('verifySignIn: pass `nonce` (the one you issued) or `consumeNonce` (spends it atomically); with neither, no sign-in is accepted.');
  let result: SignInResult & { ok: true };
  try {
    result = await verifyOrThrow(input, x);
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, message: e.message };
    if (e instanceof UpstreamError)
      return { ok: false, code: 'unavailable', message: `Could not reach the network to check this wallet (${e.message}).` };
    // A library threw on input it could not read: that is still bad input, never a 5xx.
    return { ok: false, code: 'malformed_input', message: 'The signature or key could not be read.' };
  }
  // Only a proven signature spends the nonce. Errors of the store itself propagate: they are not bad input.
  if (x.consumeNonce) {
    const consumed = await x.consumeNonce(result.message.nonce, result.account, (input as { message: string }).message, result.template);
    if (consumed !== true) {
      const code: ErrorCode = consumed === false ? 'nonce_mismatch' : consumed;
      return { ok: false, code, message: NONCE_MESSAGES[code] ?? 'This sign-in request is no longer valid — try again.' };
    }
  }
  return result;
}

async function verifyOrThrow(raw: unknown, x: SignInExpectations): Promise<SignInResult & { ok: true }> {
  const body = parseBody(inputSchema, raw);
  const verifier = requireVerifier(body.chain);
  const chain = verifier.chain;
  const network = x.networks[chain];
  const address = verifier.normalizeAddress(body.address, network);
  const meta = CHAINS[chain];
  const claims = verifier.walletTemplate?.read(body.message);
  if (claims) return verifyTemplate(verifier, claims, { ...body, chain, extras: raw as Record<string, unknown> }, address, x);
  const message = parseSignInMessage(body.message, meta.messagePrefix);
  if (message.address !== address) throw new AppError('address_mismatch', 'The message names another address.');
  const { domain, uri } = originParts(x.origin);
  validateSignInMessage(message, {
    domain,
    uri,
    chainName: meta.name,
    chainId: verifier.chainReference(network),
    nonce: x.nonce,
    statement: x.statement,
    resources: x.resources,
    now: x.now ?? new Date(),
    clockSkewSeconds: x.clockSkewSeconds ?? 30,
  });
  const input: SignInInput = { ...(raw as Record<string, unknown>), ...body, chain, extras: raw as Record<string, unknown> };
  await verifier.verify({ input, address, message, network, origin: uri, domain, now: x.now ?? new Date(), rpc: x.rpc?.[chain] });
  const account: Account = { chain, address, caip10: `${meta.namespace}:${message.chainId}:${address}` };
  return { ok: true, account, message };
}

/** A wallet's own template (Kukai): the same checks as a CAIP-122 message, read from the wallet's fields. */
async function verifyTemplate(
  verifier: ChainVerifier<ChainId>, claims: WalletTemplateClaims, input: SignInInput, address: string, x: SignInExpectations,
): Promise<SignInResult & { ok: true }> {
  const chain = verifier.chain;
  const network = x.networks[chain];
  const { domain, uri } = originParts(x.origin);
  const clockSkewSeconds = x.clockSkewSeconds ?? 30;
  checkTemplateClaims(claims, {
    origin: uri, network: String(network), address, nonce: x.nonce, requestId: x.resources?.[0],
    allowed: x.walletTemplates === true, now: x.now ?? new Date(), clockSkewSeconds,
  });
  await verifier.walletTemplate!.verify({ input, claims, address });
  const meta = CHAINS[chain];
  const chainId = verifier.chainReference(network);
  // The claims in the common model, for callers that read result.message (nonce, issued-at, request id).
  const message: SignInMessage = {
    prefix: meta.messagePrefix, domain, chainName: meta.name, address, uri, version: '1', chainId,
    nonce: claims.nonce, issuedAt: claims.signedAt.toISOString(), requestId: claims.requestId,
  };
  const account: Account = { chain, address, caip10: `${meta.namespace}:${chainId}:${address}` };
  return { ok: true, account, message, template: { form: claims.form, signedAt: claims.signedAt, clockSkewSeconds } };
}
