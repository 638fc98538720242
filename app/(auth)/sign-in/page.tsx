import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { CHAIN_LIST } from '@/lib/chains/registry';
import { isChainId } from '@/lib/chains/types';
import { publicConfig } from '@/lib/env';
import { safeNext } from '@/lib/ui/safe-next';
import { SignIn } from '@/components/sign-in/sign-in';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const session = await currentSession();
  const chain = isChainId(params.chain) ? params.chain : undefined;
  if (params.mode === 'link') {
    if (!session) redirect('/sign-in?next=/account');
    return (
      <>
        <h1>Link another wallet</h1>
        <p className="muted">Prove you control another wallet, on any chain, and it joins your account. Signing costs nothing.</p>
        <SignIn chains={CHAIN_LIST} config={publicConfig()} next="/account" initialChain={chain} mode="link" />
      </>
    );
  }
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Choose a chain, then a wallet. You will be asked to sign a message — it costs nothing and sends no transaction.</p>
      {session && (
        <p className="status" data-testid="already-signed-in">
          You are signed in as <span className="address">{session.address}</span>. Signing in again replaces that session.
        </p>
      )}
      <SignIn chains={CHAIN_LIST} config={publicConfig()} next={safeNext(params.next)} initialChain={chain} />
    </>
  );
}
