import { describe, expect, it } from 'vitest';
import { WalletError } from '@/lib/chains/types';
import { bounded } from './bounded';

const never = () => new Promise<never>(() => undefined);
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof WalletError ? e.code : String(e)));

describe('bounded waits', () => {
  it('passes the answer through', async () => {
    expect(await bounded(Promise.resolve(7), new AbortController().signal, 1000, 'the wallet')).toBe(7);
  });
  it('passes the wallet’s own rejection through', async () => {
    const err = new WalletError('rejected', 'no');
    await expect(bounded(Promise.reject(err), new AbortController().signal, 1000, 'the wallet')).rejects.toBe(err);
  });
  it('gives up on a wallet that never answers', async () => {
    const p = bounded(never(), new AbortController().signal, 20, 'Beacon');
    expect(await codeOf(p)).toBe('timeout');
    await expect(p).rejects.toThrow('No answer from Beacon after 0 s.');
  });
  it('stops waiting the moment the flow is cancelled, and before it starts', async () => {
    const c = new AbortController();
    const p = bounded(never(), c.signal, 60_000, 'the wallet');
    c.abort();
    expect(await codeOf(p)).toBe('cancelled');
    expect(await codeOf(bounded(Promise.resolve(1), c.signal, 1000, 'x'))).toBe('cancelled');
  });
  it('swallows a late rejection of the abandoned promise (no unhandled rejection)', async () => {
    let rejectLate!: (e: Error) => void;
    const late = new Promise<never>((_, r) => (rejectLate = r));
    const c = new AbortController();
    const p = bounded(late, c.signal, 60_000, 'Beacon');
    c.abort();
    await expect(p).rejects.toThrow('Cancelled.');
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    rejectLate(new Error('metrics not found'));
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});
