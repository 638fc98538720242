/**
 * NEAR account ids: syntax, kind and network. Pure and browser-safe (the connector uses it too).
 * Rules from the NEAR protocol: 2–64 characters, lowercase alphanumerics separated by `-`, `_` or `.`.
 */
import type { ChainNetworks } from '../types';

export type NearNetwork = ChainNetworks['near'];

/** implicit: 64 hex chars = hex(ed25519 public key), binds offline; named: `alice.near`, `0x…` (eth-implicit), … */
export type NearAccountKind = 'implicit' | 'named';

const ACCOUNT_ID_RE = /^(([a-z\d]+[-_])*[a-z\d]+\.)*([a-z\d]+[-_])*[a-z\d]+$/;
const IMPLICIT_RE = /^[0-9a-f]{64}$/;

/** Top-level accounts that exist on one network only: an account under them belongs to that network. */
const NETWORK_SUFFIXES: Record<NearNetwork, readonly string[]> = {
  mainnet: ['near', 'tg'],
  testnet: ['testnet'],
};

export const isNearAccountId = (id: string): boolean => id.length >= 2 && id.length <= 64 && ACCOUNT_ID_RE.test(id);

export const nearAccountKind = (id: string): NearAccountKind => (IMPLICIT_RE.test(id) ? 'implicit' : 'named');

/** The network an account id names by its top-level suffix, or null when the id says nothing (implicit, `0x…`, other TLAs). */
export function networkOfAccount(id: string): NearNetwork | null {
  if (nearAccountKind(id) === 'implicit') return null;
  const topLevel = id.slice(id.lastIndexOf('.') + 1);
  for (const network of Object.keys(NETWORK_SUFFIXES) as NearNetwork[]) {
    if (NETWORK_SUFFIXES[network].includes(topLevel)) return network;
  }
  return null;
}

export type AccountCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: 'malformed' | 'wrong_network'; message: string };

/** Lowercases (account ids are lowercase by rule) and checks the syntax and the network suffix. */
export function checkNearAccount(raw: string, network: NearNetwork): AccountCheck {
  const accountId = raw.toLowerCase();
  if (!isNearAccountId(accountId))
    return { ok: false, reason: 'malformed', message: 'That is not a NEAR account id (e.g. alice.near or 64 hex characters).' };
  const named = networkOfAccount(accountId);
  if (named !== null && named !== network)
    return { ok: false, reason: 'wrong_network', message: `${accountId} is a ${named} account; this app uses NEAR ${network}.` };
  return { ok: true, accountId };
}
