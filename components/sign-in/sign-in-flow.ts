/** The sign-in flow, free of React: connect -> nonce -> sign -> verify, reporting each step. */
import { CONNECTORS } from '@/lib/chains/connectors';
import { WalletError, type ChainId, type ConnectOptions, type ConnectorContext, type RemoteView, type WalletConnector } from '@/lib/chains/types';
import { api, ApiError } from '@/lib/ui/api';
import { bounded, STEP_TIMEOUT_MS } from '@/lib/ui/bounded';
import { rememberActiveWallet } from '@/lib/ui/wallet-store';

export type Step =
  | { name: 'idle' }
  | { name: 'connecting'; wallet: string; remote?: RemoteView }
  | { name: 'preparing' }
  | { name: 'signing'; message: string; remote?: RemoteView }
  | { name: 'verifying'; message: string }
  | { name: 'done'; address: string }
  | { name: 'failed'; text: string; retry: boolean; move?: boolean };

interface NonceResponse {
  message: string;
  signing: Record<string, unknown>;
}

export async function loadConnector(chain: ChainId, ctx: ConnectorContext): Promise<WalletConnector> {
  const load = CONNECTORS[chain];
  if (!load) throw new WalletError('unsupported', 'This chain is not available yet.');
  return (await load())(ctx);
}

/** sign-in starts a session; link attaches the wallet to the signed-in account; move takes it from another account. */
export type FlowMode = 'sign-in' | 'link' | 'move';

export interface FlowOptions {
  mode?: FlowMode;
  /** Aborts every wait: the Cancel button, a change of chain, leaving the page. */
  signal?: AbortSignal;
  /** The address typed for a wallet that cannot tell it (WalletOption.needsAddress). */
  address?: string;
}

export async function signIn(connector: WalletConnector, walletId: string, walletName: string, report: (s: Step) => void, { mode = 'sign-in', signal: outer = new AbortController().signal, address }: FlowOptions = {}): Promise<string> {
  // A failed or timed-out step also aborts the wallet's signal, so a connector takes its dialog or iframe down
  // (Beacon's pairing alert, Kukai's full-screen iframe) and the panel is usable again.
  const run = new AbortController();
  const stop = () => run.abort();
  outer.addEventListener('abort', stop, { once: true });
  if (outer.aborted) stop();
  try {
    return await signInSteps(connector, walletId, walletName, report, mode, run.signal, address);
  } catch (e) {
    stop();
    throw e;
  } finally {
    outer.removeEventListener('abort', stop);
  }
}

async function signInSteps(connector: WalletConnector, walletId: string, walletName: string, report: (s: Step) => void, mode: FlowMode, signal: AbortSignal, address?: string): Promise<string> {
  let current: Step = { name: 'connecting', wallet: walletName };
  const show = (s: Step) => report((current = s));
  const options: ConnectOptions = {
    signal,
    address,
    present: (remote) => show({ ...current, remote: remote ?? undefined } as Step),
  };
  const server = <T>(work: Promise<T>) => bounded(work, signal, STEP_TIMEOUT_MS.server, 'the server');
  show(current);
  const wallet = await bounded(connector.connect(walletId, options), signal, STEP_TIMEOUT_MS.connect, walletName);
  show({ name: 'preparing' });
  const request = await server(api<NonceResponse>('/api/auth/nonce', { chain: connector.chain, address: wallet.address, purpose: mode }));
  show({ name: 'signing', message: request.message });
  const signed = await bounded(wallet.sign(request, options), signal, STEP_TIMEOUT_MS.sign, walletName);
  // A wallet that signs its own template (Kukai) returns the text it signed: that is what the server verifies.
  const message = signed.message ?? request.message;
  show({ name: 'verifying', message });
  const body = { ...signed.extras, chain: connector.chain, address: wallet.address, message, signature: signed.signature, publicKey: signed.publicKey };
  if (mode !== 'sign-in') {
    const linked = await server(api<{ wallet: { address: string } }>('/api/account/wallets', { ...body, move: mode === 'move' }));
    return linked.wallet.address;
  }
  const result = await server(api<{ account: { address: string } }>('/api/auth/verify', body));
  rememberActiveWallet({ chain: connector.chain, walletId, address: result.account.address });
  return result.account.address;
}

const RETRYABLE = new Set(['expired', 'nonce_mismatch', 'network', 'unavailable', 'rejected', 'failed', 'server', 'cancelled', 'timeout', 'rate_limited']);

/** Says a failure in words a person understands. `move` is offered when the wallet belongs to another account. */
export function describeFailure(e: unknown): { text: string; retry: boolean; move?: boolean } {
  if (e instanceof ApiError && e.code === 'wallet_taken') return { text: e.message, retry: false, move: true };
  if (e instanceof WalletError) {
    const text: Record<string, string> = {
      rejected: 'Rejected in wallet. Nothing was signed.',
      no_wallet: e.message || 'No wallet found.',
      wrong_network: e.message,
      no_account: 'The wallet did not share an account. Unlock it and try again.',
      cancelled: 'Cancelled. Nothing was signed.',
      timeout: `${e.message} Check the wallet is open and unlocked, then try again.`,
    };
    return { text: text[e.code] ?? e.message, retry: RETRYABLE.has(e.code) };
  }
  if (e instanceof ApiError) {
    if (e.code === 'expired' || e.code === 'nonce_mismatch') return { text: 'Nonce expired — try again.', retry: true };
    return { text: e.message, retry: RETRYABLE.has(e.code) };
  }
  return { text: 'Something went wrong in the wallet. Try again.', retry: true };
}
