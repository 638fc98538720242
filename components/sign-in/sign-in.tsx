'use client';
/** The picker: one tile per chain from the registry; the wallet panel (and its SDKs) load only after a choice. */
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ChainMeta } from '@/lib/chains/registry';
import type { ChainId, ConnectorContext } from '@/lib/chains/types';
import { useHydrated } from '@/lib/ui/use-hydrated';

const WalletPanel = dynamic(() => import('./wallet-panel').then((m) => m.WalletPanel), {
  ssr: false,
  loading: () => <p className="status" role="status">Loading wallets…</p>,
});

export function SignIn({ chains, config, next, initialChain, mode = 'sign-in' }: { chains: ChainMeta[]; config: ConnectorContext; next: string; initialChain?: ChainId; mode?: 'sign-in' | 'link' }) {
  const hydrated = useHydrated();
  const [chain, setChain] = useState<ChainId | null>(initialChain ?? null);
  return (
    <>
      <section aria-labelledby="chains-title">
        <h2 id="chains-title" className="muted" style={{ fontSize: '1rem' }}>1. Choose a chain</h2>
        <div className="grid" data-testid="chain-picker">
          {chains.map((c) => (
            <button
              key={c.id}
              type="button"
              className="tile"
              data-testid={`chain-${c.id}`}
              aria-pressed={chain === c.id}
              disabled={c.status !== 'live' || !hydrated}
              onClick={() => setChain(c.id)}
            >
              <span className="name">{c.name}</span>
              <span className="tag">{c.status === 'live' ? c.tagline : 'Coming soon'}</span>
              {c.status !== 'live' && <span className="badge">coming soon</span>}
            </button>
          ))}
        </div>
      </section>
      {chain && <WalletPanel key={chain} chain={chain} config={config} next={next} mode={mode} />}
    </>
  );
}
