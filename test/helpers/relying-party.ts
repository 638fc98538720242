/** Shared test fixtures: the relying party every unit test signs for, and a nonce-request builder. */
import { createSignInRequest, type RelyingParty } from '../../lib/auth/core';
import type { ChainId } from '../../lib/chains/types';

export const RP: RelyingParty = {
  origin: 'https://walletgate.test',
  networks: { ethereum: 1, cardano: 'mainnet', near: 'mainnet', tezos: 'mainnet', ergo: 'mainnet' },
};

export const NOW = new Date('2026-11-21T12:00:00.000Z');
export const STATEMENT = 'Sign in to walletgate with this wallet.';

export function signInRequest(chain: ChainId, address: string, opts: { nonce?: string; rp?: RelyingParty; now?: Date } = {}) {
  const now = opts.now ?? NOW;
  return createSignInRequest(opts.rp ?? RP, {
    chain,
    address,
    nonce: opts.nonce ?? 'n0nceAbCdEf0123456789x',
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 5 * 60_000),
    statement: STATEMENT,
    resources: ['urn:walletgate:sign-in'],
  });
}

/** Expectations for verifySignIn at NOW with the request's nonce. */
export const expectAt = (nonce = 'n0nceAbCdEf0123456789x', rp: RelyingParty = RP, now = NOW) => ({ ...rp, nonce, now });
