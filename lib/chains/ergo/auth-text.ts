/**
 * EIP-28 `auth(address, message)`: the wallet signs `<message>;<origin>;<unix seconds>;<random>` and returns it
 * as `signedMessage`. Nautilus writes the page's host (`new URL(location.origin).host`) as origin, 32 random bytes
 * in hex (older builds: a UUID) as random. We bind every part: the server's exact message, our host, a time inside
 * the nonce's lifetime, a bounded random part.
 */
import { fail } from '../../errors';
import type { SignInMessage } from '../../auth/message';

const TAIL_RE = /^([^;]{1,253});(\d{1,12});([A-Za-z0-9-]{1,128})$/;
const CLOCK_SKEW_SECONDS = 30;

export interface AuthContext {
  message: string;
  parsed: SignInMessage;
  domain: string;
  now: Date;
}

/** Checks the auth text; returns it for signature verification. Throws AppError. */
export function checkAuthText(signedMessage: unknown, x: AuthContext): string {
  if (typeof signedMessage !== 'string' || signedMessage.length === 0)
    fail('malformed_input', 'The auth form needs the "signedMessage" text the wallet returned.');
  if (!signedMessage.startsWith(`${x.message};`)) fail('invalid_signature', 'The wallet signed another message than this sign-in request.');
  const tail = TAIL_RE.exec(signedMessage.slice(x.message.length + 1));
  if (!tail) fail('malformed_input', 'The signed text must end with ";<origin>;<unix time>;<random>".');
  const [, origin, seconds] = tail!;
  if (origin !== x.domain) fail('domain_mismatch', `The wallet signed for ${origin}, not ${x.domain}.`);
  checkTime(Number(seconds) * 1000, x);
  return signedMessage;
}

function checkTime(signedAt: number, x: AuthContext) {
  const skew = CLOCK_SKEW_SECONDS * 1000;
  const issuedAt = new Date(x.parsed.issuedAt).getTime();
  const expiresAt = new Date(x.parsed.expirationTime ?? x.parsed.issuedAt).getTime();
  if (signedAt < issuedAt - skew) fail('invalid_message', 'The wallet signed before this sign-in request was issued.');
  if (signedAt > expiresAt) fail('expired', 'The wallet signed after this sign-in request expired — try again.');
  if (signedAt > x.now.getTime() + skew) fail('not_yet_valid', 'The wallet signed with a time in the future.');
}
