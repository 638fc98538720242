import Link from 'next/link';

export function HoldingsUnavailable() {
  return (
    <section className="card" role="alert" data-testid="holdings-unavailable">
      <h1>We can’t check your holdings right now</h1>
      <p className="muted">The chain indexer did not answer in time. Nothing is wrong with your wallet; the members area stays closed until we can check.</p>
      <Link className="button primary" href="/members">Try again</Link>
    </section>
  );
}
