/**
 * Every wait in a wallet flow is bounded and can be cancelled: a wallet that never answers, a relay that is down
 * or a closed pairing dialog must never leave the page stuck. The wallet's own promise may stay pending forever;
 * we stop waiting for it (and swallow its late rejection, so it never becomes an unhandled one).
 */
import { WalletError } from '@/lib/chains/types';

export function bounded<T>(work: Promise<T>, signal: AbortSignal, ms: number, what: string): Promise<T> {
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new WalletError('cancelled', 'Cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new WalletError('timeout', `No answer from ${what} after ${Math.round(ms / 1000)} s.`))), ms);
    const onAbort = () => finish(() => reject(new WalletError('cancelled', 'Cancelled.')));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => finish(() => resolve(v)),
      (e) => finish(() => reject(e)),
    );
  });
}

/** How long each step may take. Remote wallets (QR codes) give the person time to find their phone. */
export const STEP_TIMEOUT_MS = { connect: 60_000, sign: 120_000, server: 20_000 } as const;
