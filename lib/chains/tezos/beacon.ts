/**
 * The Beacon adapter (Temple, Kukai, Umami and other Beacon wallets). @airgap/beacon-sdk (~1 MB) is loaded with
 * import() on connect only. Browser extensions answer over postMessage; mobile and web wallets pair through
 * Beacon's P2P relay (Matrix) or WalletConnect, so those need the network. Beacon's own dialog lists the wallets
 * and their install links.
 *
 * Beacon's promises may never settle (a closed dialog, a relay that does not answer, a wallet that never replies),
 * so every request here is bounded (BEACON_TIMEOUT_MS) and cancellable; on either we close Beacon's dialog and
 * start the next attempt with a fresh pairing.
 */
import { bounded } from '../../ui/bounded';
import { WalletError, type ConnectedWallet, type ConnectOptions, type ConnectorContext } from '../types';
import { payloadToSign, WALLET_IDS } from './sign-request';
import { requireImplicitAccount, toWalletError } from './wallet-errors';

type BeaconSdk = typeof import('@airgap/beacon-sdk');
type DAppClient = InstanceType<BeaconSdk['DAppClient']>;

/** How long we wait for a Beacon wallet to pair, and to answer a signature request. */
export const BEACON_TIMEOUT_MS = 30_000;

// Beacon keeps one client per page (a second instance warns and shares storage).
let client: { network: string; instance: DAppClient } | undefined;
/** How many of our requests are waiting on Beacon; its pairing dialog may open only while one is. */
let waiting = 0;
/** Beacon's own "user closed the pairing dialog" handler for the pairing in progress: resets its pairing state. */
let abandonPairing: (() => void) | undefined;
/** Fails the waiting requests when Beacon reports a relay/transport error (it would otherwise show its own alert). */
const relayFailures = new Set<(message: string) => void>();

type PairInit = Parameters<BeaconSdk['defaultEventCallbacks']['PAIR_INIT']>[0];

function clientFor(sdk: BeaconSdk, ctx: ConnectorContext): DAppClient {
  const network = ctx.networks.tezos === 'mainnet' ? sdk.NetworkType.MAINNET : sdk.NetworkType.GHOSTNET;
  if (client?.network === network) return client.instance;
  const instance = new sdk.DAppClient({
    name: ctx.appName,
    appUrl: ctx.origin,
    network: { type: network },
    ...(ctx.walletConnectProjectId ? { walletConnectOptions: { projectId: ctx.walletConnectProjectId } } : {}),
    // Beacon opens its pairing dialog some time after the request (it loads and contacts its relays first). If our
    // request was cancelled or timed out meanwhile, that dialog must not appear over a panel that moved on.
    eventHandlers: {
      [sdk.BeaconEvent.PAIR_INIT]: {
        handler: async (data: PairInit) => {
          abandonPairing = data.abortedHandler;
          if (waiting > 0) return sdk.defaultEventCallbacks.PAIR_INIT(data);
          abandon();
        },
      },
      // e.g. "No timestamp received from relay server": said in our panel (for a waiting request), never as Beacon's
      // alert over a panel that has moved on.
      [sdk.BeaconEvent.GENERIC_ERROR]: {
        handler: async (message: string) => {
          for (const fail of relayFailures) fail(typeof message === 'string' ? message : 'unknown error');
        },
      },
    },
  });
  client = { network, instance };
  return instance;
}

/** Ends Beacon's pairing as its own close button does (without the dialog's late rejections surfacing). */
function abandon(): void {
  const handler = abandonPairing;
  abandonPairing = undefined;
  try {
    handler?.();
  } catch {
    // Beacon's own clean-up; nothing of ours depends on it.
  }
}

/**
 * Beacon 4 writes its metrics queue to IndexedDB without awaiting it; until its database has opened (or when a second
 * tab holds an older version of it) each write rejects with "metrics not found. error: …" and nobody catches it.
 * That bookkeeping is Beacon's, not a failure of the sign-in: keep it from surfacing as an unhandled rejection.
 */
const BEACON_STORE_MISSING = /^(metrics|bug_report) not found\. error:/;
let quieted = false;
function quietBeaconBookkeeping(): void {
  if (quieted || typeof window === 'undefined') return;
  quieted = true;
  window.addEventListener('unhandledrejection', (event) => {
    if (typeof event.reason === 'string' && BEACON_STORE_MISSING.test(event.reason)) event.preventDefault();
  });
}

function beaconError(e: unknown, action: string): WalletError {
  const message = typeof e === 'string' ? e : (e as { message?: unknown })?.message;
  // What requestPermissions rejects with once the pairing dialog has been closed (see quietBeaconBookkeeping).
  if (typeof message === 'string' && BEACON_STORE_MISSING.test(message))
    return new WalletError('rejected', 'The Beacon dialog was closed before a wallet connected.');
  return toWalletError(e, action);
}

/** Closes Beacon's dialog and toasts; a pending pairing is abandoned. */
function release(dapp: DAppClient): void {
  dapp.hideUI(['alert', 'toast']).catch(() => undefined);
  abandon();
}

async function request<T>(dapp: DAppClient, work: () => Promise<T>, signal: AbortSignal, action: string): Promise<T> {
  let done = false;
  const finish = () => {
    if (!done) (done = true), (waiting -= 1);
  };
  const onAbort = () => (finish(), release(dapp));
  let onRelayFailure: (message: string) => void = () => undefined;
  const relayFailed = new Promise<never>((_, reject) => {
    onRelayFailure = (message) => reject(new WalletError('failed', `Beacon could not reach its relay (${message.slice(0, 120)}). Check your connection, then try again.`));
  });
  relayFailures.add(onRelayFailure);
  waiting += 1;
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await bounded(Promise.race([work(), relayFailed]), signal, BEACON_TIMEOUT_MS, 'your Beacon wallet');
  } catch (e) {
    if (e instanceof WalletError && e.code === 'failed' && e.message.startsWith('Beacon could not')) release(dapp);
    finish();
    if (e instanceof WalletError && (e.code === 'timeout' || e.code === 'cancelled')) release(dapp);
    throw beaconError(e, action);
  } finally {
    finish();
    relayFailures.delete(onRelayFailure);
    signal.removeEventListener('abort', onAbort);
  }
}

export async function connectBeacon(ctx: ConnectorContext, options?: ConnectOptions): Promise<ConnectedWallet> {
  const signal = options?.signal ?? new AbortController().signal;
  quietBeaconBookkeeping();
  const sdk = await import('@airgap/beacon-sdk');
  const dapp = clientFor(sdk, ctx);
  const granted = await request(dapp, () => dapp.requestPermissions(), signal, 'connect');
  const active = await dapp.getActiveAccount();
  const address = requireImplicitAccount(granted.address ?? active?.address);
  const publicKey = granted.publicKey ?? active?.publicKey;
  if (!publicKey) throw new WalletError('unsupported', 'The wallet did not share its public key, which sign-in needs.');
  if (granted.network?.type && granted.network.type !== ctx.networks.tezos)
    throw new WalletError('wrong_network', `Your wallet connected on ${granted.network.type}; this app uses ${ctx.networks.tezos}.`);
  return {
    walletId: WALLET_IDS.beacon,
    address,
    async sign(req, signOptions) {
      const payload = payloadToSign(req);
      const work = () => dapp.requestSignPayload({ signingType: sdk.SigningType.MICHELINE, payload, sourceAddress: address });
      const { signature } = await request(dapp, work, signOptions?.signal ?? signal, 'sign the message');
      return { signature, publicKey, extras: { payload } };
    },
    async disconnect() {
      await dapp.clearActiveAccount();
    },
  };
}
