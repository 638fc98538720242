'use client';
/** Notices when the wallet switches account while signed in, and offers to sign in as the new one. */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ChainId, ConnectorContext } from '@/lib/chains/types';
import { shortAddress } from '@/lib/ui/format';
import { activeWallet } from '@/lib/ui/wallet-store';
import { SignOutButton } from './sign-out-button';

export function AccountWatcher({ chain, address, config }: { chain: ChainId; address: string; config: ConnectorContext }) {
  const [switchedTo, setSwitchedTo] = useState<string | null>(null);

  useEffect(() => {
    const ref = activeWallet();
    if (!ref || ref.chain !== chain || ref.walletId === 'demo') return;
    let stop: (() => void) | undefined;
    let live = true;
    (async () => {
      const { loadConnector } = await import('@/components/sign-in/sign-in-flow');
      const connector = await loadConnector(chain, config);
      // Reconnecting to an already-authorised wallet is silent; it reports the account the wallet shows now.
      const wallet = await connector.connect(ref.walletId);
      if (!live) return;
      const differs = (a: string | null) => (a && a.toLowerCase() !== address.toLowerCase() ? a : null);
      setSwitchedTo(differs(wallet.address));
      stop = wallet.watchAccount?.((next) => setSwitchedTo(differs(next)));
    })().catch(() => undefined); // the wallet went away: nothing to compare against
    return () => {
      live = false;
      stop?.();
    };
  }, [chain, address, config]);

  if (!switchedTo) return null;
  return (
    <div className="banner" role="alert" data-testid="account-switched">
      <p>
        Your wallet switched to <span className="address">{shortAddress(switchedTo)}</span>. You are still signed in as{' '}
        <span className="address">{shortAddress(address)}</span>, not as the account your wallet now shows.
      </p>
      <div className="row">
        <Link className="button primary" href={`/sign-in?chain=${chain}`}>Sign in as {shortAddress(switchedTo)}</Link>
        <SignOutButton />
      </div>
    </div>
  );
}
