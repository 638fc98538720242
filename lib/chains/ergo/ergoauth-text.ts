/**
 * The text an ErgoAuth wallet signed, checked against the Ergo Wallet app's layout (see ./ergoauth.ts):
 * `<random><signingMessage><scheme>://<host><random>`. Our signing message must appear exactly once, followed at once
 * by our origin as the wallet writes it; the random parts are the wallet's own (20 alphanumerics in the app; we take
 * 8–64 so a wallet with another length still signs in, never an empty one: it would mean no wallet bytes were added).
 */
import { fail } from '../../errors';
import type { SignInMessage } from '../../auth/message';
import { ergoAuthSigningMessage, walletRequestHost } from './ergoauth';

const WALLET_RANDOM_RE = /^[A-Za-z0-9]{8,64}$/;

export interface ErgoAuthTextContext {
  message: string;
  parsed: SignInMessage;
  /** APP_URL's origin. */
  origin: string;
}

/** The reason shown in the wallet: the message's statement. */
export const ergoAuthReason = (parsed: SignInMessage) => parsed.statement ?? `Sign in to ${parsed.domain}`;

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) count++;
  return count;
}

/** Checks the signed text; returns it for signature verification. Throws AppError. */
export function checkErgoAuthText(signedMessage: unknown, x: ErgoAuthTextContext): string {
  if (typeof signedMessage !== 'string' || signedMessage.length === 0)
    fail('malformed_input', 'The ErgoAuth form needs the "signedMessage" text the wallet returned.');
  const requestHost = walletRequestHost(x.origin);
  if (!requestHost) fail('domain_mismatch', 'ErgoAuth wallets cannot reach this app: it must be served over https (http only on localhost or an IP).');
  const signing = ergoAuthSigningMessage(ergoAuthReason(x.parsed), x.message);
  const count = occurrences(signedMessage, signing);
  if (count === 0) fail('invalid_signature', 'The wallet signed another message than this sign-in request.');
  if (count > 1) fail('malformed_input', 'The signed text holds this sign-in request more than once.');
  const at = signedMessage.indexOf(signing);
  const prefix = signedMessage.slice(0, at);
  const rest = signedMessage.slice(at + signing.length);
  if (!rest.startsWith(requestHost)) fail('domain_mismatch', `The wallet did not sign for ${requestHost}.`);
  const suffix = rest.slice(requestHost.length);
  if (!WALLET_RANDOM_RE.test(prefix) || !WALLET_RANDOM_RE.test(suffix))
    fail('malformed_input', 'The signed text must be "<random><message><origin><random>", with 8–64 letters or digits on each side.');
  return signedMessage;
}
