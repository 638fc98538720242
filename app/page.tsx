import { currentSession } from '@/lib/auth/session';
import { CHAIN_LIST } from '@/lib/chains/registry';
import { SessionCard } from '@/components/session/session-card';

export default async function HomePage() {
  const session = await currentSession();
  return (
    <>
      <h1>Sign in with your wallet. Hold the pass, get in.</h1>
      <p className="muted">
        walletgate is a forkable Next.js template: sign in with a wallet on {CHAIN_LIST.map((c) => c.name).join(', ')}, and a
        members area that re-checks your token holdings on every request.
      </p>
      <SessionCard session={session} />
      <section className="card" aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="muted">
          <li>The server writes a one-time sign-in message (CAIP-122 / EIP-4361) bound to this site and a fresh nonce.</li>
          <li>Your wallet signs it in its own format; the server verifies the signature and that the key owns the address.</li>
          <li>The members area asks the chain (or, in demo mode, the demo ledger) whether you hold the pass — on every request.</li>
        </ol>
      </section>
    </>
  );
}
