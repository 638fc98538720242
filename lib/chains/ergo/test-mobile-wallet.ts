/**
 * Test helper: a stand-in for the Ergo Wallet app answering an `ergoauth://` link, step by step as the app does it
 * (ergoplatform/ergo-wallet-app, package org.ergoplatform.ergoauth:
 *  common-jvm/src/main/java/org/ergoplatform/uilogic/ergoauth/ErgoAuth.kt — getErgoAuthRequest, parse, replyTo check,
 *  postErgoAuthResponse; .../uilogic/ergoauth/ErgoAuthUiLogic.kt — startResponse builds the signed text;
 *  .../utils/HttpUtils.kt — isLocalOrIpAddress; .../api/PasswordGenerator.kt — the random parts).
 * The app signs with Appkit's `prover.signMessage(sigmaBoolean, utf8(text))`; here ergo-lib-wasm-nodejs's
 * `sign_message_using_p2pk` makes the same Schnorr proof of the P2PK key (real key, real proof).
 * Failure switches change one thing each, for the refusal tests.
 */
import { randomInt } from 'node:crypto';
import * as ergo from 'ergo-lib-wasm-nodejs';
import type { TestKey } from './test-keys';

const SCHEME = 'ergoauth://';
const IPV4_RE = /^(([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])(\.(?!$)|$)){4}$/;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface MobileWalletOptions {
  /** Sign with this key instead (a wallet holding another address). */
  signWith?: TestKey;
  /** Change the signed text after signing. */
  tamper?: (signedMessage: string) => string;
  /** Sign the text without the request host, as the app's cold (read-only) wallet path does (ergo-wallet-app#176). */
  omitHost?: boolean;
  /** Post to this URL instead of the request's replyTo. */
  replyTo?: string;
  /** Sign this signingMessage instead of the one fetched (e.g. another request's). */
  signingMessage?: string;
  /** HTTP client (default: global fetch); unit tests route it to the route handlers. */
  transport?: typeof fetch;
}

export interface ErgoAuthRequestJson {
  signingMessage?: string;
  sigmaBoolean?: string;
  userMessage?: string;
  messageSeverity?: string;
  replyTo?: string;
}

const isLocalOrIpAddress = (url: string) => {
  const hostname = url.split('://').slice(1).join('://').split('/')[0].split(':')[0];
  return hostname.toLowerCase() === 'localhost' || IPV4_RE.test(hostname);
};

const generatePassword = (length: number) => Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');

/** What the app shows and uses from a fetched request; throws where the app refuses. */
export async function fetchErgoAuthRequest(uri: string, transport: typeof fetch = fetch) {
  if (!uri.toLowerCase().startsWith(SCHEME)) throw new Error('not an ergoauth:// link');
  const rest = uri.slice(SCHEME.length);
  const prefix = isLocalOrIpAddress(uri) ? 'http://' : 'https://';
  const res = await transport(prefix + rest);
  if (!res.ok) throw new Error(`Unexpected response code ${res.status}: ${await res.text()}`);
  const request = (await res.json()) as ErgoAuthRequestJson;
  const requestHost = prefix + rest.split('/')[0];
  if (request.replyTo?.slice(0, requestHost.length + 1) !== `${requestHost}/`) throw new Error(`ErgoAuth reply URL not on host ${requestHost}`);
  if (!request.signingMessage || !request.sigmaBoolean) throw new Error(`request without signingMessage or sigmaBoolean: ${request.userMessage}`);
  return { request, requestHost };
}

/** The address the request's sigmaBoolean stands for: a ProveDlog SigmaBoolean is the value of a P2PK ErgoTree. */
export function sigmaBooleanAddress(sigmaBoolean: string, network: 'mainnet' | 'testnet'): string {
  const tree = ergo.ErgoTree.from_base16_bytes(`0008${Buffer.from(sigmaBoolean, 'base64').toString('hex')}`);
  return ergo.Address.recreate_from_ergo_tree(tree).to_base58(network === 'mainnet' ? ergo.NetworkPrefix.Mainnet : ergo.NetworkPrefix.Testnet);
}

/** Scans `uri`, signs as the app does and posts the reply. Returns the reply's HTTP status and body. */
export async function answerErgoAuth(uri: string, key: TestKey, network: 'mainnet' | 'testnet' = 'mainnet', o: MobileWalletOptions = {}) {
  const transport = o.transport ?? fetch;
  const { request, requestHost } = await fetchErgoAuthRequest(uri, transport);
  const own = network === 'mainnet' ? key.mainnet : key.testnet;
  if (!o.signWith && sigmaBooleanAddress(request.sigmaBoolean!, network) !== own) throw new Error('the request is for an address this wallet does not hold');
  const signedMessage = generatePassword(20) + (o.signingMessage ?? request.signingMessage) + (o.omitHost ? '' : requestHost) + generatePassword(20);
  const proofHex = (o.signWith ?? key).sign(new TextEncoder().encode(signedMessage));
  const body = JSON.stringify({ signedMessage: o.tamper ? o.tamper(signedMessage) : signedMessage, proof: Buffer.from(proofHex, 'hex').toString('base64') });
  const res = await transport(o.replyTo ?? request.replyTo!, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
  return { status: res.status, body: (await res.json().catch(() => null)) as { error?: { code: string } } | null, signedMessage, request };
}
