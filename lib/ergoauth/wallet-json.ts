import 'server-only';
/**
 * The two JSON bodies an ErgoAuth wallet exchanges with us, as the Ergo Wallet app reads and writes them
 * (ergoplatform/ergo-wallet-app common-jvm/src/main/java/org/ergoplatform/uilogic/ergoauth/ErgoAuth.kt):
 * ErgoAuthRequest keys `signingMessage`, `sigmaBoolean`, `userMessage`, `messageSeverity`, `replyTo` (the EIP text
 * says `replyToUrl`; the app reads `replyTo`), and the reply `{signedMessage, proof}` with the proof in base64.
 */
import { z } from 'zod';
import { parseSignInMessage } from '../auth/message';
import { parseP2pkAddress } from '../chains/ergo/address';
import { ergoAuthSigningMessage } from '../chains/ergo/ergoauth';
import { ergoAuthReason } from '../chains/ergo/ergoauth-text';
import { P2PK_PROOF_LENGTH } from '../chains/ergo/constants';
import { env } from '../env';
import { fail } from '../errors';
import { parseBody } from '../validate';

/** sigmastate's SigmaBoolean serializer for ProveDlog: opcode 0xcd (SigmaPropCodes.ProveDlogCode), then the key. */
const PROVE_DLOG_CODE = 0xcd;

export function p2pkSigmaBoolean(address: string): string {
  const { publicKey } = parseP2pkAddress(address, env().networks.ergo);
  return Buffer.from([PROVE_DLOG_CODE, ...publicKey]).toString('base64');
}

export const replyPath = (id: string) => `/api/ergoauth/requests/${id}/reply`;

export function ergoAuthRequestJson(id: string, address: string, message: string) {
  const e = env();
  return {
    signingMessage: ergoAuthSigningMessage(ergoAuthReason(parseSignInMessage(message)), message),
    sigmaBoolean: p2pkSigmaBoolean(address),
    userMessage: `Sign in to ${e.appName} as ${address}. Nothing is sent from your wallet and no funds move.`,
    messageSeverity: 'INFORMATION',
    replyTo: `${e.appUrl}${replyPath(id)}`,
  };
}

const replySchema = z.object({ signedMessage: z.string().min(1).max(16384), proof: z.string().min(1).max(256) });
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The wallet's reply: the signed text and the proof as hex (what the Ergo verifier reads). Throws AppError. */
export function readWalletReply(body: unknown): { signedMessage: string; proof: string } {
  const { signedMessage, proof } = parseBody(replySchema, body);
  if (!BASE64_RE.test(proof)) fail('malformed_input', 'The proof must be base64.');
  const bytes = Buffer.from(proof, 'base64');
  if (bytes.length !== P2PK_PROOF_LENGTH) fail('malformed_input', `A P2PK proof is ${P2PK_PROOF_LENGTH} bytes; this one is ${bytes.length}.`);
  return { signedMessage, proof: bytes.toString('hex') };
}
