/**
 * EIP-28 ErgoAuth, the parts the browser and the server share (browser-safe, no I/O). What the Ergo Wallet app does
 * (ergoplatform/ergo-wallet-app common-jvm/src/main/java/org/ergoplatform/uilogic/ergoauth/ErgoAuth.kt and
 * ErgoAuthUiLogic.kt; utils/HttpUtils.kt):
 * - `ergoauth://<host>/<path>` is fetched over http when the host name is `localhost` or an IPv4 address, else https;
 * - `replyTo` must start with `<that scheme>://<host>/` or the wallet refuses the request;
 * - it signs `<20 random [A-Za-z0-9]><signingMessage><scheme>://<host><20 random [A-Za-z0-9]>` (UTF-8);
 * - it shows the text of `signingMessage` before the first NUL as the reason ("requests your authentication to …").
 */
const IPV4_RE = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(?!$)|$)){4}$/;

/** The wallet's `isLocalOrIpAddress`: http is allowed (and used) only for these hosts. */
export const isLocalOrIpHost = (hostname: string) => hostname.toLowerCase() === 'localhost' || IPV4_RE.test(hostname);

/**
 * The `<scheme>://<host>` the wallet will fetch from and write into the signed text for an app at `origin`, or null
 * when the wallet cannot reach it: it would use https for a public host served over http (and http for localhost).
 */
export function walletRequestHost(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  const scheme = isLocalOrIpHost(url.hostname) ? 'http:' : 'https:';
  return url.protocol === scheme ? `${scheme}//${url.host}` : null;
}

/** The link and QR code content for the request at `path` (starting with /) of the app at `origin`. */
export function ergoAuthUri(origin: string, path: string): string {
  return `ergoauth://${new URL(origin).host}${path}`;
}

/** What we ask the wallet to sign: the reason it shows, a NUL, then our whole sign-in text (nonce, address, expiry). */
export const ergoAuthSigningMessage = (reason: string, message: string) => `${reason}\u0000${message}`;
