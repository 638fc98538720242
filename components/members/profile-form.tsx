'use client';
/**
 * Edit the profile with a wallet signature: ask the server for the exact text, show it, sign it with the wallet this
 * tab signed in with (demo wallets reconnect from localStorage), confirm. Chain SDKs load only on submit.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { PROFILE_LIMITS } from '@/lib/actions/limits';
import type { ChainId, ConnectorContext } from '@/lib/chains/types';
import { activeWallet } from '@/lib/ui/wallet-store';
import { signAction, type Signer } from './sign-action';

export interface LinkedWalletRef {
  id: string;
  chain: ChainId;
  address: string;
}

type Status = { name: 'idle' } | { name: 'preparing' } | { name: 'signing' | 'saving'; message: string } | { name: 'saved' } | { name: 'failed'; text: string };

const sameAddress = (chain: ChainId, a: string, b: string) => (chain === 'ethereum' ? a.toLowerCase() === b.toLowerCase() : a === b);

export function ProfileForm({ initial, wallets, config }: { initial: { displayName: string; bio: string }; wallets: LinkedWalletRef[]; config: ConnectorContext }) {
  const router = useRouter();
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [bio, setBio] = useState(initial.bio);
  const [signer, setSigner] = useState<Signer | null | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ name: 'idle' });

  useEffect(() => {
    const ref = activeWallet();
    const linked = ref && wallets.find((w) => w.chain === ref.chain && sameAddress(w.chain, w.address, ref.address));
    setSigner(ref && linked ? { ...linked, walletId: ref.walletId } : null);
  }, [wallets]);

  const busy = status.name === 'preparing' || status.name === 'signing' || status.name === 'saving';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!signer) return;
    setStatus({ name: 'preparing' });
    try {
      await signAction(signer, config, 'profile.update', { displayName, bio }, (name, message) => setStatus({ name, message }));
      setStatus({ name: 'saved' });
      router.refresh();
    } catch (err) {
      const { describeFailure } = await import('@/components/sign-in/sign-in-flow');
      setStatus({ name: 'failed', text: describeFailure(err).text });
    }
  };

  if (signer === null)
    return (
      <p className="status warn" data-testid="profile-no-wallet">
        This tab has no wallet to sign with, so changes can’t be confirmed here. <Link href="/sign-in?next=/members">Sign in again</Link> with one of your linked wallets.
      </p>
    );
  return (
    <form onSubmit={submit} data-testid="profile-form" data-ready={signer ? 'true' : 'false'}>
      <label className="field">
        Display name
        <input name="displayName" value={displayName} maxLength={PROFILE_LIMITS.displayName} required onChange={(e) => setDisplayName(e.target.value)} data-testid="profile-display-name" />
      </label>
      <label className="field">
        Bio <span className="muted">(optional, one paragraph)</span>
        <textarea name="bio" value={bio} maxLength={PROFILE_LIMITS.bio} onChange={(e) => setBio(e.target.value)} data-testid="profile-bio-input" />
      </label>
      <button type="submit" className="button primary" disabled={busy || !signer} data-testid="profile-save">
        Save with a wallet signature
      </button>
      {status.name === 'preparing' && <p className="status" role="status">Preparing the message…</p>}
      {(status.name === 'signing' || status.name === 'saving') && (
        <div className="status" role="status" data-testid="profile-status">
          <p>{status.name === 'signing' ? 'Check your wallet… it asks you to sign exactly this text:' : 'Saving…'}</p>
          <pre className="message-preview" data-testid="profile-message">{status.message}</pre>
        </div>
      )}
      {status.name === 'saved' && <p className="status ok" role="status" data-testid="profile-saved">Saved.</p>}
      {status.name === 'failed' && <p className="status error" role="alert" data-testid="profile-error">{status.text}</p>}
    </form>
  );
}
