import 'server-only';
/** The demo ledger's write side: only in demo mode, only for ledger-served chains, only the caller's own wallets. */
import type { ActiveSession } from '../auth/session';
import { db } from '../db';
import { AppError } from '../errors';
import { setDemoBalance } from './demo-ledger';
import { gateRules } from './gate';
import { forgetBalance, holdingsMode } from './holdings-service';

export async function setDemoHolding(session: ActiveSession, input: { action: 'grant' | 'remove'; ruleId?: string; walletId?: string }) {
  const prisma = await db();
  const wallet = await prisma.wallet.findFirst({ where: { id: input.walletId ?? session.walletId, userId: session.userId } });
  if (!wallet) throw new AppError('not_found', 'That wallet is not linked to your account.');
  const chain = wallet.chain as ActiveSession['chain'];
  if (holdingsMode(chain) !== 'demo') throw new AppError('not_found', 'The demo ledger is not enabled for this chain.');
  const rule = gateRules().find((r) => r.chain === chain && (input.ruleId === undefined || r.id === input.ruleId));
  if (!rule) throw new AppError('not_found', `No gate rule uses a ${chain} asset.`);
  const amount = input.action === 'grant' ? rule.min : 0n;
  await setDemoBalance(rule, wallet.address, amount);
  await forgetBalance(chain, wallet.address, rule.asset);
  return { wallet: { id: wallet.id, chain, address: wallet.address }, rule: { id: rule.id, label: rule.label }, balance: amount.toString() };
}
