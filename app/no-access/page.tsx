import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listWallets } from '@/lib/account/wallets';
import { currentSession } from '@/lib/auth/session';
import { CHAINS } from '@/lib/chains/registry';
import type { ChainId } from '@/lib/chains/types';
import { gateRules } from '@/lib/gate/gate';
import { holdingsMode } from '@/lib/gate/holdings-service';
import { DemoTokenButtons } from '@/components/gate/demo-token-buttons';
import { RuleList } from '@/components/gate/rule-list';

export const metadata: Metadata = { title: 'No access' };

/** Signed in, not holding: the rule, and in demo mode a way to get (and lose) the pass. */
export default async function NoAccessPage() {
  const session = await currentSession();
  if (!session) redirect('/sign-in?next=/members');
  const rules = gateRules();
  const demoWallets = (await listWallets(session.userId)).filter(
    (w) => holdingsMode(w.chain as ChainId) === 'demo' && rules.some((r) => r.chain === w.chain),
  );
  return (
    <>
      <h1 data-testid="no-access-title">You don’t hold the pass (yet)</h1>
      <p className="muted">
        Signed in as <span className="address">{session.address}</span> on {CHAINS[session.chain].name}. The members area opens
        for any wallet holding one of these:
      </p>
      <section className="card">
        <RuleList rules={rules} />
      </section>
      {demoWallets.length > 0 ? (
        <section className="card">
          <h2>Demo mode</h2>
          <p className="muted">No indexer is configured, so holdings come from the demo ledger. Grant one of your wallets the pass and the gate opens on the very next request.</p>
          {demoWallets.map((w) => (
            <div key={w.id} style={{ marginTop: 12 }} data-testid={`demo-wallet-${w.chain}`}>
              <p className="address muted">{CHAINS[w.chain as ChainId].name} · {w.address}</p>
              <DemoTokenButtons actions={['grant']} walletId={w.id} />
            </div>
          ))}
        </section>
      ) : (
        <p className="muted">Got the asset in another wallet? Sign in with that one.</p>
      )}
      <Link href="/members" className="button">Check again</Link>
    </>
  );
}
