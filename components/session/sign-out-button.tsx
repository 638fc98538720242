'use client';
import { useState } from 'react';
import { api } from '@/lib/ui/api';
import { useHydrated } from '@/lib/ui/use-hydrated';
import { forgetActiveWallet } from '@/lib/ui/wallet-store';

export function SignOutButton() {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy || !hydrated}
        onClick={async () => {
          setBusy(true);
          try {
            await api('/api/auth/logout', {});
            forgetActiveWallet();
            window.location.assign('/');
          } catch (e) {
            setError((e as Error).message);
            setBusy(false);
          }
        }}
      >
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {error && <p role="alert" className="status error">{error}</p>}
    </>
  );
}
