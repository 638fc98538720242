/**
 * NEP-413's optional `callbackUrl`, which some wallets put into the signed payload (Borsh `Option<string>`).
 * Browser-safe: the connector builds the value, the verifier checks what the client says the wallet signed.
 *
 * Which wallets sign one (read from their own code, see near-connect.ts `signsCallbackUrl`): MyNearWallet always
 * does — its near-connect executor (hot-dao/near-selector `near-wallets/src/mnw.ts`) sends
 * `callbackUrl || window.selector.location`, and the wallet (mynearwallet/my-near-wallet
 * `packages/frontend/src/utils/signMessage.ts`) serialises `{tag, message, nonce[32], recipient, callbackUrl}`.
 * Intear signs `callback_url: callbackUrl ?? null` (INTEARnear/intearwallet-connect `src/index.ts`), but its NEAR
 * Connect adapter (INTEARnear/wallet `near-selector.js`) passes only message/nonce/recipient, so through NEAR
 * Connect it signs None; a client using intearwallet-connect directly may sign one and send it here.
 */
import { fail } from '../../errors';

export const MAX_CALLBACK_URL_LENGTH = 2048;

/** The callbackUrl we hand a wallet: the current page on the app's own origin, without query or fragment. */
export const callbackUrlFor = (appOrigin: string, pathname: string): string => new URL(pathname || '/', appOrigin).href;

const refuse = (why: string): never => fail('invalid_callback_url', `callbackUrl ${why}; it must be an absolute URL on this app's origin.`);

/**
 * What the client says the wallet signed. Absent → undefined (the payload has no callbackUrl). Present → it must be
 * a string, at most MAX_CALLBACK_URL_LENGTH long, an absolute http(s) URL whose origin is the app's (same scheme,
 * host and port), without user info, and written exactly as the WHATWG URL parser writes it back. The last rule
 * refuses every spelling a parser might read differently from the bytes signed (tabs or newlines, which parsers
 * strip; backslashes, upper case, default ports, `..` segments), so the signed text and what a browser would open
 * are the same URL. Throws AppError `invalid_callback_url`.
 */
export function readCallbackUrl(value: unknown, appOrigin: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return refuse('must be a string');
  if (value.length > MAX_CALLBACK_URL_LENGTH) return refuse(`is longer than ${MAX_CALLBACK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('is not an absolute URL');
  }
  const app = new URL(appOrigin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('must use http or https');
  if (url.username !== '' || url.password !== '') return refuse('must not carry a user name or password');
  if (url.origin !== app.origin) return refuse(`is on ${url.origin}, not ${app.origin}`);
  if (url.href !== value) return refuse(`must be written in its normal form (${url.href.slice(0, 200)})`);
  return value;
}
