/**
 * RFC 3986 syntax, exactly as its ABNF (appendix A) reads — not the WHATWG URL parser, which repairs what the ABNF
 * refuses (`^`, `|`, a bare `%`, `[` in a path) and refuses forms the ABNF allows (`uri://@`, `uri://:`).
 * Pure and browser-safe: used by the sign-in message builder and parser (lib/auth/message.ts).
 */

const HEX = '[0-9A-Fa-f]';
const PCT = `%${HEX}{2}`;
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;

const DEC_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const H16 = `${HEX}{1,4}`;
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const h16s = (max: number) => `(?:(?:${H16}:){0,${max}}${H16})?`;
const IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `${h16s(0)}::(?:${H16}:){4}${LS32}`,
  `${h16s(1)}::(?:${H16}:){3}${LS32}`,
  `${h16s(2)}::(?:${H16}:){2}${LS32}`,
  `${h16s(3)}::${H16}:${LS32}`,
  `${h16s(4)}::${LS32}`,
  `${h16s(5)}::${H16}`,
  `${h16s(6)}::`,
].join('|');
const IPV_FUTURE = `v${HEX}+\\.[${UNRESERVED}${SUB_DELIMS}:]+`;

const whole = (source: string) => new RegExp(`^(?:${source})$`);
export const RULES = {
  scheme: whole('[A-Za-z][A-Za-z0-9+\\-.]*'),
  'pct-encoded': whole(PCT),
  userinfo: whole(`(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`),
  'IP-literal': whole(`\\[(?:${IPV6}|${IPV_FUTURE})\\]`),
  IPv6address: whole(IPV6),
  IPvFuture: whole(IPV_FUTURE),
  IPv4address: whole(IPV4),
  'reg-name': whole(`(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`),
  port: whole('\\d*'),
  pchar: whole(PCHAR),
  'segment-nz': whole(`${PCHAR}+`),
  /** A path of any of the four kinds, given the slash rules are checked by the caller (see isUri). */
  path: whole(`(?:${PCHAR}|/)*`),
  query: whole(`(?:${PCHAR}|[/?])*`),
  fragment: whole(`(?:${PCHAR}|[/?])*`),
} as const;
export type Rule = keyof typeof RULES;

export const matchesRule = (rule: Rule, value: string) => RULES[rule].test(value);

export interface Authority {
  userinfo?: string;
  host: string;
  port?: string;
}

/** authority = [ userinfo "@" ] host [ ":" port ]; null when it is not one. */
export function parseAuthority(value: string): Authority | null {
  const at = value.indexOf('@'); // neither userinfo nor host may contain "@"
  const userinfo = at === -1 ? undefined : value.slice(0, at);
  const hostPort = value.slice(at + 1);
  if (userinfo !== undefined && !RULES.userinfo.test(userinfo)) return null;
  let host: string;
  let rest: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return null;
    [host, rest] = [hostPort.slice(0, close + 1), hostPort.slice(close + 1)];
    if (!RULES['IP-literal'].test(host)) return null;
  } else {
    const colon = hostPort.indexOf(':'); // a reg-name or IPv4address has no ":"
    [host, rest] = colon === -1 ? [hostPort, ''] : [hostPort.slice(0, colon), hostPort.slice(colon)];
    if (!RULES['reg-name'].test(host)) return null; // IPv4address is a subset of reg-name's characters
  }
  if (rest === '') return { userinfo, host };
  if (!rest.startsWith(':') || !RULES.port.test(rest.slice(1))) return null;
  return { userinfo, host, port: rest.slice(1) };
}

// scheme ":" ( "//" authority path-abempty / path-absolute / path-rootless / path-empty ) [ "?" query ] [ "#" fragment ]
const URI_PARTS = /^([^:/?#]+):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/** URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ] (RFC 3986 §3), checked rule by rule. */
export function isUri(value: string): boolean {
  const m = URI_PARTS.exec(value);
  if (!m) return false;
  const [, scheme, authority, path, query, fragment] = m;
  if (!RULES.scheme.test(scheme)) return false;
  if (authority !== undefined && parseAuthority(authority) === null) return false;
  // With an authority the path is path-abempty (the regex leaves it empty or starting with "/"); without one it
  // must not start with "//" (that would have been an authority), which the regex also guarantees.
  if (!RULES.path.test(path)) return false;
  if (query !== undefined && !RULES.query.test(query)) return false;
  return fragment === undefined || RULES.fragment.test(fragment);
}
