/**
 * Demo mode's holdings: a table in the app's own database, for chains with no indexer/RPC configured.
 * The grant/remove API exists only in demo mode and only for chains served by this ledger.
 */
import type { ChainId, HoldingsSource } from '../chains/types';
import { db } from '../db';
import { assetKey, type GateRule } from './rules';

export function createDemoLedger<C extends ChainId>(chain: C): HoldingsSource<C> {
  return {
    chain,
    async balance(address, asset) {
      const row = await (await db()).demoHolding.findUnique({
        where: { chain_address_asset: { chain, address, asset: assetKey(asset) } },
        select: { amount: true },
      });
      return row ? BigInt(row.amount.toFixed(0)) : 0n;
    },
  };
}

export async function setDemoBalance(rule: GateRule, address: string, amount: bigint): Promise<void> {
  const prisma = await db();
  const where = { chain: rule.chain, address, asset: assetKey(rule.asset) };
  if (amount === 0n) {
    await prisma.demoHolding.deleteMany({ where });
    return;
  }
  await prisma.demoHolding.upsert({
    where: { chain_address_asset: where },
    create: { ...where, amount: amount.toString() },
    update: { amount: amount.toString(), updatedAt: new Date() },
  });
}
