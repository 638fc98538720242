import Link from 'next/link';
import type { ActiveSession } from '@/lib/auth/session';
import { CHAINS } from '@/lib/chains/registry';
import { publicConfig } from '@/lib/env';
import { AccountWatcher } from './account-watcher';
import { SignOutButton } from './sign-out-button';

export function SessionCard({ session }: { session: ActiveSession | null }) {
  if (!session) {
    return (
      <section className="card" aria-labelledby="session-title" data-testid="session-card">
        <h2 id="session-title">You are not signed in</h2>
        <p className="muted">Sign in with a wallet on any of five chains. No account, e-mail or password.</p>
        <Link className="button primary" href="/sign-in">Sign in</Link>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="session-title" data-testid="session-card">
      <h2 id="session-title">Signed in</h2>
      <dl className="kv">
        <dt>Chain</dt>
        <dd data-testid="session-chain">{CHAINS[session.chain].name}</dd>
        <dt>Address</dt>
        <dd className="address" data-testid="session-address">{session.address}</dd>
      </dl>
      <div className="row" style={{ marginTop: 16 }}>
        <Link className="button primary" href="/members">Members area</Link>
        <SignOutButton />
      </div>
      <AccountWatcher chain={session.chain} address={session.address} config={publicConfig()} />
    </section>
  );
}
