import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { CHAINS } from '@/lib/chains/registry';
import { publicConfig } from '@/lib/env';
import { checkAccess } from '@/lib/gate/gate';
import { holdingsMode } from '@/lib/gate/holdings-service';
import { AccountWatcher } from '@/components/session/account-watcher';
import { DemoTokenButtons } from '@/components/gate/demo-token-buttons';
import { HoldingsUnavailable } from '@/components/gate/holdings-unavailable';

export const metadata: Metadata = { title: 'Members' };

/** The gated page. proxy.ts checked already; this asks the same gate again (never trust the proxy alone). */
export default async function MembersPage() {
  const session = await currentSession();
  if (!session) redirect('/sign-in?next=/members');
  const decision = await checkAccess(session.userId);
  if (decision.status === 'denied') redirect('/no-access');
  if (decision.status === 'unavailable') return <HoldingsUnavailable />;
  const { wallet, rule, balance } = decision;
  return (
    <>
      <h1 data-testid="members-title">Members area</h1>
      <p className="muted">Welcome in. Your holdings were checked on this very request.</p>
      <section className="card" aria-labelledby="opened-title">
        <h2 id="opened-title">What opened the gate</h2>
        <dl className="kv" data-testid="members-holding">
          <dt>Asset</dt>
          <dd>{rule.label}</dd>
          <dt>Held</dt>
          <dd data-testid="members-balance">{balance.toString()} (minimum {rule.min.toString()})</dd>
          <dt>Wallet</dt>
          <dd className="address" data-testid="members-wallet">{CHAINS[wallet.chain].name} · {wallet.address}</dd>
        </dl>
      </section>
      {holdingsMode(wallet.chain) === 'demo' && (
        <section className="card">
          <h2>Demo mode</h2>
          <p className="muted">This pass comes from the demo ledger. Remove it and the next request lands on the no-access page.</p>
          <DemoTokenButtons actions={['remove']} walletId={wallet.id} />
        </section>
      )}
      <AccountWatcher chain={session.chain} address={session.address} config={publicConfig()} />
    </>
  );
}
