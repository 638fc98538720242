/**
 * The one gate function, shared by proxy.ts, the members page and the gated API:
 * access if any of the user's wallets satisfies any rule; fail closed when holdings cannot be read.
 */
import type { ChainId } from '../chains/types';
import { db } from '../db';
import { env } from '../env';
import { balanceOf } from './holdings-service';
import { parseRules, type GateRule } from './rules';

export interface WalletRef {
  id?: string;
  chain: ChainId;
  address: string;
}

export type GateDecision =
  | { status: 'granted'; wallet: WalletRef; rule: GateRule; balance: bigint }
  | { status: 'denied'; rules: GateRule[] }
  | { status: 'unavailable'; rules: GateRule[] };

const store = globalThis as unknown as { __walletgateRules?: GateRule[] };
export const gateRules = (): GateRule[] => (store.__walletgateRules ??= parseRules(env().gateRulesJson));

export async function checkWallets(wallets: WalletRef[], rules = gateRules()): Promise<GateDecision> {
  const checks = wallets.flatMap((wallet) =>
    rules.filter((rule) => rule.chain === wallet.chain).map(async (rule) => ({ wallet, rule, balance: await balanceOf(rule.chain, wallet.address, rule.asset) })),
  );
  const results = await Promise.allSettled(checks);
  for (const r of results) if (r.status === 'fulfilled' && r.value.balance >= r.value.rule.min) return { status: 'granted', ...r.value };
  return results.some((r) => r.status === 'rejected') ? { status: 'unavailable', rules } : { status: 'denied', rules };
}

/** Gate decision for a signed-in user: every linked wallet counts (pass them when the caller already read them). */
export async function checkAccess(userId: string, wallets?: WalletRef[]): Promise<GateDecision> {
  wallets ??= (await (await db()).wallet.findMany({ where: { userId }, select: { id: true, chain: true, address: true } })) as WalletRef[];
  return checkWallets(wallets);
}
