import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { sessionContext } from '@/lib/auth/session';
import { CHAINS } from '@/lib/chains/registry';
import { publicConfig } from '@/lib/env';
import { checkAccess } from '@/lib/gate/gate';
import { holdingsMode } from '@/lib/gate/holdings-service';
import { MEMBERS_CONTENT } from '@/lib/gate/members-content';
import { AccountWatcher } from '@/components/session/account-watcher';
import { DemoTokenButtons } from '@/components/gate/demo-token-buttons';
import { HoldingsUnavailable } from '@/components/gate/holdings-unavailable';
import { ProfileForm, type LinkedWalletRef } from '@/components/members/profile-form';

export const metadata: Metadata = { title: 'Members' };

/**
 * The gated page. proxy.ts checked already; this never relies on it: the session context is the proxy's only when
 * its MAC verifies for this cookie (else one lookup of our own), and the holdings are asked again (cached).
 */
export default async function MembersPage() {
  const context = await sessionContext();
  if (!context) redirect('/sign-in?next=/members');
  const { session, wallets, profile } = context;
  const decision = await checkAccess(session.userId, wallets);
  if (decision.status === 'denied') redirect('/no-access');
  // Reached only without the proxy (it answers 503 itself); a page cannot choose its status, so this is a 200.
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
      <section className="card" aria-labelledby="content-title" data-testid="members-content">
        <h2 id="content-title">{MEMBERS_CONTENT.headline}</h2>
        {MEMBERS_CONTENT.items.map((item) => (
          <p key={item.id}>
            <strong>{item.title}.</strong> {item.body}
          </p>
        ))}
      </section>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Your profile</h2>
        <dl className="kv">
          <dt>Display name</dt>
          <dd data-testid="profile-name">{profile?.displayName ?? 'Not set yet'}</dd>
          <dt>Bio</dt>
          <dd data-testid="profile-bio">{profile?.bio || '—'}</dd>
        </dl>
        <p className="muted">Changes are confirmed by a signature from one of your linked wallets; you see the exact text first.</p>
        <ProfileForm initial={{ displayName: profile?.displayName ?? '', bio: profile?.bio ?? '' }} wallets={wallets.map(({ id, chain, address }): LinkedWalletRef => ({ id, chain, address }))} config={publicConfig()} />
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
