'use client';
/** The linked wallets, each with "Unlink" (refused for the last one). */
import { useState } from 'react';
import type { LinkedWallet } from '@/lib/account/wallets';
import { CHAINS } from '@/lib/chains/registry';
import type { ChainId } from '@/lib/chains/types';
import { api } from '@/lib/ui/api';
import { useHydrated } from '@/lib/ui/use-hydrated';

export function WalletList({ wallets, sessionWalletId }: { wallets: LinkedWallet[]; sessionWalletId: string }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unlink = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api(`/api/account/wallets/${encodeURIComponent(id)}`, undefined, 'DELETE');
      window.location.reload();
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  };
  return (
    <>
      <ul className="wallets" style={{ listStyle: 'none', padding: 0 }} data-testid="wallet-list">
        {wallets.map((w) => (
          <li key={w.id} className="card" style={{ margin: 0 }} data-testid={`linked-${w.chain}`}>
            <dl className="kv">
              <dt>Chain</dt>
              <dd>{CHAINS[w.chain as ChainId]?.name ?? w.chain}{w.id === sessionWalletId && <span className="badge" style={{ marginLeft: 8 }}>this session</span>}</dd>
              <dt>Address</dt>
              <dd className="address">{w.address}</dd>
              <dt>Linked</dt>
              <dd>{new Date(w.linkedAt).toLocaleString()}</dd>
              <dt>Last used</dt>
              <dd>{new Date(w.lastUsedAt).toLocaleString()}</dd>
            </dl>
            <div className="row" style={{ marginTop: 12 }}>
              <button
                type="button"
                className="button"
                disabled={wallets.length === 1 || busy !== null || !hydrated}
                title={wallets.length === 1 ? 'Link another wallet before unlinking this one.' : undefined}
                onClick={() => unlink(w.id)}
                data-testid={`unlink-${w.chain}`}
              >
                {busy === w.id ? 'Unlinking…' : 'Unlink'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && <p className="status error" role="alert">{error}</p>}
    </>
  );
}
