import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentSession } from '@/lib/auth/session';
import { CHAINS } from '@/lib/chains/registry';
import { shortAddress } from '@/lib/ui/format';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'walletgate', template: '%s · walletgate' },
  icons: { icon: '/favicon.svg' },
  description: 'Sign in with Ethereum, Cardano, NEAR, Tezos or Ergo, and a token-gated members area.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b0d12' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="container">
            <Link href="/" className="brand">walletgate</Link>
            <nav className="nav" aria-label="Main">
              <Link href="/members">Members</Link>
              {session ? (
                <Link href="/account" data-testid="nav-account">
                  {CHAINS[session.chain].name} · <span className="mono">{shortAddress(session.address)}</span>
                </Link>
              ) : (
                <Link href="/sign-in">Sign in</Link>
              )}
            </nav>
          </div>
        </header>
        <main className="container">{children}</main>
      </body>
    </html>
  );
}
