import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listWallets } from '@/lib/account/wallets';
import { currentSession } from '@/lib/auth/session';
import { WalletList } from '@/components/account/wallet-list';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const session = await currentSession();
  if (!session) redirect('/sign-in?next=/account');
  const wallets = await listWallets(session.userId);
  return (
    <>
      <h1>Your wallets</h1>
      <p className="muted">Sign in with any of them to reach this account. The members area opens if any of them holds the pass.</p>
      <WalletList wallets={wallets} sessionWalletId={session.walletId} />
      <Link className="button primary" href="/sign-in?mode=link" data-testid="link-wallet">Link another wallet</Link>
    </>
  );
}
