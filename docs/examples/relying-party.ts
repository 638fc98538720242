// docs/examples/relying-party.ts — what every example below shares: who we are, and a fresh sign-in request.
import { randomBytes } from 'node:crypto';
import type { RelyingParty } from '../../lib/auth/core';

export const rp: RelyingParty = {
  origin: 'https://app.example', // messages bind its host (domain) and this origin (URI)
  networks: { ethereum: 1, cardano: 'mainnet', near: 'mainnet', tezos: 'mainnet', ergo: 'mainnet' },
};

/** Nonce and lifetime of one sign-in request. Keep the nonce server-side; it may be used once. */
export function freshRequest(lifetimeMs = 5 * 60_000) {
  const issuedAt = new Date();
  const nonce = randomBytes(16).toString('hex');
  return { nonce, issuedAt, expiresAt: new Date(issuedAt.getTime() + lifetimeMs), statement: 'Sign in to Example.' };
}

/** The examples let a test alter the wallet's answer before it is verified. */
export type Tamper = (body: Record<string, unknown>) => Record<string, unknown>;
export const untouched: Tamper = (body) => body;
