/**
 * Kukai's own authentication text, the second Tezos form. kukai-embed's `authenticate(requestId, nonce)` (and
 * `login({ authParams })`) never signs our text; the wallet signs (kukai-wallet/kukai
 * src/app/services/embedded-auth/embedded-auth.service.ts, createAuthMessage + signMessage):
 *
 *   `Tezos Signed Message: ` + JSON.stringify({ requestId, purpose: 'authentication', currentTime, nonce, network,
 *                                              publicKey, address, domain })
 *
 * currentTime is unix seconds as a string, domain the page origin (with scheme), packed as Micheline
 * `05 01 <u32 BE UTF-8 length> <bytes>` like any Tezos text. We read it strictly: a compact JSON object of strings
 * exactly as JSON.stringify writes it, each of these keys once, nothing else.
 */
import { fail } from '../../errors';
import type { WalletTemplateClaims } from '../types';

export const KUKAI_PREFIX = 'Tezos Signed Message: ';
const KEYS = ['requestId', 'purpose', 'currentTime', 'nonce', 'network', 'publicKey', 'address', 'domain'] as const;
type Key = (typeof KEYS)[number];

// A JSON string token; \u escapes and the short escapes only (RFC 8259).
const STRING_TOKEN = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const UNIX_SECONDS = /^(0|[1-9][0-9]{0,11})$/;
const NONCE = /^[A-Za-z0-9]{8,64}$/;
const MAX_FIELD = 512;

const invalid = (message: string): never => fail('invalid_message', message);

function readString(json: string, at: number, what: string): { value: string; end: number } {
  if (/\s/.test(json[at] ?? '')) invalid(`Kukai's template must be compact JSON, as JSON.stringify writes it: whitespace at character ${at + 1}.`);
  STRING_TOKEN.lastIndex = at;
  const token = STRING_TOKEN.exec(json)?.[0];
  if (!token) return invalid(`Kukai's template: ${what} at character ${at + 1} must be a JSON string.`);
  const value = JSON.parse(token) as string;
  // The canonical spelling only (no needless \u escapes): the text is what the wallet signed, byte for byte.
  if (JSON.stringify(value) !== token) invalid(`Kukai's template: ${what} at character ${at + 1} is not written as JSON.stringify writes it.`);
  return { value, end: at + token.length };
}

function expectChar(json: string, at: number, char: string): void {
  if (json[at] !== char)
    invalid(`Kukai's template must be compact JSON: expected '${char}' at character ${at + 1}${at < json.length ? `, found '${json[at]}'` : ''}.`);
}

/** The fields of a compact, flat JSON object of strings; duplicated or unknown keys are refused. */
function readFlatObject(json: string): Map<Key, string> {
  const fields = new Map<Key, string>();
  expectChar(json, 0, '{');
  let at = 1;
  while (json[at] !== '}' || fields.size === 0) {
    if (fields.size > 0) expectChar(json, at++, ',');
    const key = readString(json, at, 'a key');
    if (!(KEYS as readonly string[]).includes(key.value)) invalid(`Kukai's template has an unknown field "${key.value.slice(0, 40)}".`);
    if (fields.has(key.value as Key)) invalid(`Kukai's template has the field "${key.value}" twice.`);
    expectChar(json, key.end, ':');
    if (json[key.end + 1] !== '"' && !/\s/.test(json[key.end + 1] ?? '')) invalid(`Kukai's template: the "${key.value}" field must be a JSON string.`);
    const value = readString(json, key.end + 1, `the "${key.value}" value`);
    if (value.value.length === 0 || value.value.length > MAX_FIELD) invalid(`Kukai's template: the "${key.value}" field must be 1 to ${MAX_FIELD} characters.`);
    fields.set(key.value as Key, value.value);
    at = value.end;
  }
  if (at !== json.length - 1) invalid('Kukai\'s template has text after its JSON object.');
  return fields;
}

/** A JSON value that is not an object, after the prefix: say so instead of "not a sign-in message". */
function isOtherJson(rest: string): boolean {
  if (!/^[["0-9tfn-]/.test(rest)) return false;
  try {
    JSON.parse(rest);
    return true;
  } catch {
    return false;
  }
}

/** Kukai's template read into claims; null when `message` is not one (then it is our CAIP-122 text). */
export function readKukaiTemplate(message: string): WalletTemplateClaims | null {
  if (!message.startsWith(KUKAI_PREFIX)) return null;
  const json = message.slice(KUKAI_PREFIX.length);
  if (!json.startsWith('{')) {
    if (isOtherJson(json)) invalid('Kukai\'s template must be a JSON object.');
    return null;
  }
  const fields = readFlatObject(json);
  for (const key of KEYS) if (!fields.has(key)) invalid(`Kukai's template is missing the "${key}" field.`);
  const f = Object.fromEntries(fields) as Record<Key, string>;
  if (f.purpose !== 'authentication') invalid('Kukai\'s template must have purpose "authentication".');
  if (!UNIX_SECONDS.test(f.currentTime))
    invalid('Kukai\'s template: currentTime must be unix seconds in plain digits (no sign, leading zero, fraction or exponent).');
  if (!NONCE.test(f.nonce)) invalid('Kukai\'s template: the nonce must be 8 to 64 letters or digits.');
  return {
    form: 'kukai',
    origin: f.domain,
    network: f.network,
    address: f.address,
    publicKey: f.publicKey,
    nonce: f.nonce,
    requestId: f.requestId,
    signedAt: new Date(Number(f.currentTime) * 1000),
  };
}

/** What the client passes to kukai-embed's authenticate(requestId, nonce) (returned in `signing.kukai`). */
export interface KukaiAuthParams {
  requestId: string;
  nonce: string;
}
