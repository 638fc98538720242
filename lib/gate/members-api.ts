import 'server-only';
/** GET /api/members/content: the same gate as the members page, answered as JSON (fail closed: 503). */
import { AppError } from '../errors';
import { checkAccess, type GateDecision } from './gate';
import { MEMBERS_CONTENT } from './members-content';

export async function gatedContent(userId: string) {
  const decision: GateDecision | { status: 'unavailable' } = await checkAccess(userId).catch(() => ({ status: 'unavailable' as const }));
  if (decision.status === 'unavailable') throw new AppError('unavailable', 'We can’t check your holdings right now — try again in a moment.');
  if (decision.status === 'denied')
    throw new AppError('forbidden', 'Members only: none of your linked wallets holds a pass that opens the gate.');
  const { wallet, rule, balance } = decision;
  return {
    holder: { chain: wallet.chain, address: wallet.address },
    rule: { id: rule.id, label: rule.label, min: rule.min.toString() },
    balance: balance.toString(),
    content: MEMBERS_CONTENT,
  };
}
