'use client';
/** Demo mode: grant or remove the demo pass on the signed-in wallet, then ask the gate again. */
import { useState } from 'react';
import { api } from '@/lib/ui/api';
import { useHydrated } from '@/lib/ui/use-hydrated';

export function DemoTokenButtons({ actions, walletId }: { actions: ('grant' | 'remove')[]; walletId?: string }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: 'grant' | 'remove') => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/demo/holdings', { action, walletId });
      window.location.assign('/members'); // the gate decides again on this very request
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <div>
      <div className="row">
        {actions.includes('grant') && (
          <button type="button" className="button primary" disabled={busy || !hydrated} onClick={() => run('grant')} data-testid="demo-grant">
            Grant me the demo pass
          </button>
        )}
        {actions.includes('remove') && (
          <button type="button" className="button" disabled={busy || !hydrated} onClick={() => run('remove')} data-testid="demo-remove">
            Remove my demo pass
          </button>
        )}
      </div>
      {error && <p className="status error" role="alert">{error}</p>}
    </div>
  );
}
