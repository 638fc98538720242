'use client';
/** Notices when the wallet switches account while signed in, and offers to sign in as the new one. */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ChainId } from '@/lib/chains/types';
import { shortAddress } from '@/lib/ui/format';
import { getActiveWallet } from '@/lib/ui/wallet-store';
import { SignOutButton } from './sign-out-button';

export function AccountWatcher({ chain, address }: { chain: ChainId; address: string }) {
  const [switchedTo, setSwitchedTo] = useState<string | null>(null);

  useEffect(() => {
    const active = getActiveWallet();
    if (!active || active.chain !== chain || !active.wallet.watchAccount) return;
    return active.wallet.watchAccount((next) => {
      setSwitchedTo(next && next.toLowerCase() !== address.toLowerCase() ? next : null);
    });
  }, [chain, address]);

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
