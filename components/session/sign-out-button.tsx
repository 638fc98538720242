'use client';
import { useState } from 'react';
import { api } from '@/lib/ui/api';
import { forgetActiveWallet } from '@/lib/ui/wallet-store';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
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
