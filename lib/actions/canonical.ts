/**
 * Canonical JSON (object keys sorted at every level, no whitespace) and its SHA-256: what an action message binds
 * its parameters with. Browser-safe (@noble/hashes), so a client can compute the same hash to check the message.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
  return JSON.stringify(value);
}

export const paramsHash = (params: Json): string => bytesToHex(sha256(utf8ToBytes(canonicalJson(params))));
