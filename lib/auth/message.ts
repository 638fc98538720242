/**
 * The one message model for every chain: CAIP-122 "Sign-In with X" text (EIP-4361 generalised).
 * For Ethereum the text is exactly EIP-4361, byte for byte what viem's createSiweMessage writes.
 * Pure and framework-agnostic: build, parse, validate. Parsing is strict: only the canonical layout passes.
 */
import { AppError, fail } from '../errors';
import { isUri, matchesRule, parseAuthority } from './rfc3986';

export interface SignInMessage {
  /** Text before the header, e.g. Tezos's `Tezos Signed Message: ` (part of the signed text). */
  prefix: string;
  domain: string;
  /** Human chain name in the header: "Ethereum", "Cardano", … */
  chainName: string;
  address: string;
  statement?: string;
  uri: string;
  version: '1';
  /** CAIP-2 reference of the network ("1", "mainnet", …). */
  chainId: string;
  nonce: string;
  issuedAt: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: string[];
}

export const LIMITS = {
  message: 8192,
  domain: 253,
  address: 128,
  statement: 512,
  uri: 512,
  chainId: 64,
  requestId: 128,
  resources: 16,
  resource: 512,
} as const;

const NONCE_RE = /^[A-Za-z0-9]{8,64}$/;
const CHAIN_REFERENCE_RE = /^[-_a-zA-Z0-9]{1,64}$/; // CAIP-2 reference (EIP-4361: digits)
// EIP-4361: statement = *( reserved / unreserved / " " ) — printable ASCII without " % < > \ ^ ` { | }.
const STATEMENT_RE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]+$/;
const REQUIRED = ['domain', 'chainName', 'address', 'uri', 'version', 'chainId', 'nonce', 'issuedAt'] as const;
// RFC 3339 date-time, as EIP-4361 requires (fractional seconds optional, Z or an offset).
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const HEADER_RE = /^(.+) wants you to sign in with your (.+) account:$/;

const invalid = (message: string): never => fail('invalid_message', message);

function checkText(name: string, value: string, max: number): void {
  if (value.length === 0 || value.length > max) invalid(`The ${name} must be 1 to ${max} characters.`);
  if (/[\r\n\u2028\u2029]/.test(value)) invalid(`The ${name} must be on one line.`);
}

/** Parses an RFC 3339 time; unparseable times fail closed. */
export function parseTime(name: string, value: string): Date {
  const date = DATETIME_RE.test(value) && realCalendarDate(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) invalid(`The ${name} is not a valid RFC 3339 time.`);
  return date;
}

/** Date.parse rolls 2026-02-31 over to March; a time that is not on the calendar is refused instead. */
function realCalendarDate(value: string): boolean {
  const [y, mo, d, h, mi, s] = value.split(/[-T:.Z+]/).map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
}

/** Is `text` a statement EIP-4361's ABNF allows (one line of the characters above)? */
export const isStatement = (text: string) => STATEMENT_RE.test(text);

/**
 * EIP-4361: domain = authority (RFC 3986). Stricter: no userinfo (EIP-4361 warns that `user@host` misleads) and a
 * non-empty host — e.g. `example.com`, `localhost:3000`, `[::1]:3000`, `my_host.internal`.
 */
function isDomain(value: string): boolean {
  const a = parseAuthority(value);
  return a !== null && a.userinfo === undefined && a.host !== '' && (a.port === undefined || /^\d{1,5}$/.test(a.port));
}

function checkFields(m: SignInMessage): void {
  for (const field of REQUIRED) if (typeof m[field] !== 'string') invalid(`The ${field} is missing.`);
  if (m.domain.length > LIMITS.domain || !isDomain(m.domain)) invalid('The domain is not a valid host[:port].');
  checkText('address', m.address, LIMITS.address);
  if (/\s/.test(m.address)) invalid('The address must not contain spaces.');
  if (m.statement !== undefined) {
    checkText('statement', m.statement, LIMITS.statement);
    if (!isStatement(m.statement)) invalid('The statement may hold only letters, digits, spaces and URI punctuation (EIP-4361).');
  }
  checkText('URI', m.uri, LIMITS.uri);
  if (!isUri(m.uri)) invalid('The URI is not a valid RFC 3986 URI.');
  if (m.version !== '1') invalid('The version must be 1.');
  if (!CHAIN_REFERENCE_RE.test(m.chainId)) invalid('The chain id must be a CAIP-2 reference (letters, digits, - and _).');
  if (!NONCE_RE.test(m.nonce)) invalid('The nonce must be 8 to 64 letters or digits.');
  parseTime('issued-at time', m.issuedAt);
  if (m.expirationTime !== undefined) parseTime('expiration time', m.expirationTime);
  if (m.notBefore !== undefined) parseTime('not-before time', m.notBefore);
  if (m.requestId !== undefined) {
    checkText('request id', m.requestId, LIMITS.requestId);
    if (!matchesRule('segment-nz', m.requestId)) invalid('The request id must be URI path characters (EIP-4361).');
  }
  if (m.resources !== undefined) {
    if (m.resources.length > LIMITS.resources) invalid(`At most ${LIMITS.resources} resources are allowed.`);
    for (const r of m.resources) {
      checkText('resource', r, LIMITS.resource);
      if (!isUri(r)) invalid('Each resource must be an RFC 3986 URI.');
    }
  }
}

/** Builds the exact text to sign. Throws AppError('invalid_message') on a field out of bounds. */
export function createSignInMessage(m: SignInMessage): string {
  checkFields(m);
  const lines = [`${m.prefix}${m.domain} wants you to sign in with your ${m.chainName} account:`, m.address, ''];
  if (m.statement !== undefined) lines.push(m.statement, '');
  else lines.push('');
  lines.push(`URI: ${m.uri}`, `Version: ${m.version}`, `Chain ID: ${m.chainId}`, `Nonce: ${m.nonce}`);
  lines.push(`Issued At: ${m.issuedAt}`);
  if (m.expirationTime !== undefined) lines.push(`Expiration Time: ${m.expirationTime}`);
  if (m.notBefore !== undefined) lines.push(`Not Before: ${m.notBefore}`);
  if (m.requestId !== undefined) lines.push(`Request ID: ${m.requestId}`);
  if (m.resources !== undefined) lines.push('Resources:', ...m.resources.map((r) => `- ${r}`));
  const text = lines.join('\n');
  if (text.length > LIMITS.message) invalid(`The message is longer than ${LIMITS.message} characters.`);
  return text;
}

/**
 * Parses the canonical layout written by createSignInMessage. `prefix` is the chain's fixed text before the
 * header (empty for most chains). Anything else — a missing or reordered field, an extra line, CRLF — is rejected.
 */
export function parseSignInMessage(text: string, prefix = ''): SignInMessage {
  if (typeof text !== 'string' || text.length === 0) invalid('The message is empty.');
  if (text.length > LIMITS.message) invalid(`The message is longer than ${LIMITS.message} characters.`);
  if (!text.startsWith(prefix)) invalid('The message does not start with the expected prefix.');
  const lines = text.slice(prefix.length).split('\n');
  const header = HEADER_RE.exec(lines[0] ?? '');
  if (!header) invalid('The first line must be "<domain> wants you to sign in with your <chain> account:".');
  const [, domain, chainName] = header!;
  const address = lines[1] ?? '';
  if (lines[2] !== '') invalid('The address must be followed by a blank line.');

  let i = 3;
  let statement: string | undefined;
  if (lines[3] === '') i = 4;
  else {
    statement = lines[3];
    if (lines[4] !== '') invalid('The statement must be followed by a blank line.');
    i = 5;
  }
  const take = (tag: string, required: boolean): string | undefined => {
    const line = lines[i];
    if (line !== undefined && line.startsWith(`${tag}: `)) {
      i += 1;
      return line.slice(tag.length + 2);
    }
    if (required) invalid(`The "${tag}" field is missing or out of order.`);
    return undefined;
  };
  const m: SignInMessage = {
    prefix,
    domain,
    chainName,
    address,
    statement,
    uri: take('URI', true)!,
    version: take('Version', true) as '1',
    chainId: take('Chain ID', true)!,
    nonce: take('Nonce', true)!,
    issuedAt: take('Issued At', true)!,
    expirationTime: take('Expiration Time', false),
    notBefore: take('Not Before', false),
    requestId: take('Request ID', false),
  };
  if (lines[i] === 'Resources:') {
    i += 1;
    m.resources = [];
    while (i < lines.length && lines[i].startsWith('- ')) m.resources.push(lines[i++].slice(2));
  }
  if (i !== lines.length) invalid(`Unexpected text on line ${i + 1} of the message.`);
  checkFields(m);
  return m;
}

export interface MessageExpectations {
  domain: string;
  uri: string;
  chainName: string;
  chainId: string;
  nonce?: string;
  statement?: string;
  resources?: string[];
  now: Date;
  /** Allowed clock difference between the signer and this server, in seconds. */
  clockSkewSeconds: number;
}

/** Chain-agnostic checks: domain, URI, chain, nonce, issued-at, expiration, not-before. Throws AppError. */
export function validateSignInMessage(m: SignInMessage, x: MessageExpectations): void {
  if (m.domain !== x.domain) fail('domain_mismatch', `This message is for ${m.domain}, not ${x.domain}.`);
  if (m.uri !== x.uri) fail('uri_mismatch', `This message is for ${m.uri}, not ${x.uri}.`);
  if (m.chainName !== x.chainName) fail('wrong_network', `This message is for a ${m.chainName} account.`);
  if (m.chainId !== x.chainId) fail('wrong_network', `This message is for chain ${m.chainId}, not ${x.chainId}.`);
  if (x.nonce !== undefined && m.nonce !== x.nonce) fail('nonce_mismatch', 'The message carries another nonce.');
  if (x.statement !== undefined && m.statement !== x.statement) invalid('The statement is not the expected one.');
  if (x.resources !== undefined && JSON.stringify(m.resources ?? []) !== JSON.stringify(x.resources))
    invalid('The resources are not the expected ones.');
  const now = x.now.getTime();
  const skew = x.clockSkewSeconds * 1000;
  if (m.expirationTime === undefined) invalid('The message must carry an expiration time.');
  if (parseTime('issued-at time', m.issuedAt).getTime() > now + skew)
    fail('not_yet_valid', 'The message was issued in the future.');
  if (parseTime('expiration time', m.expirationTime!).getTime() <= now - skew)
    fail('expired', 'Sign-in expired — try again.');
  if (m.notBefore !== undefined && parseTime('not-before time', m.notBefore).getTime() > now + skew)
    fail('not_yet_valid', 'The message is not valid yet.');
}

export { AppError };
