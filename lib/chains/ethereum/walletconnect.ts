/**
 * WalletConnect v2 through wagmi's own `walletConnect` connector (imported from its per-connector path: the
 * `wagmi/connectors` barrel pulls every optional SDK into the build). Loaded with import() only when the person
 * chooses WalletConnect. No QR modal of WalletConnect's: the `display_uri` (a `wc:` pairing URI) goes to the
 * sign-in flow's remote view, a QR code on a desktop and the same URI as a link on a phone.
 */
import { WalletError, type ConnectOptions, type ConnectedWallet, type ConnectorContext } from '../types';
import { connectWagmi, loadWagmi } from './wagmi';

/** The relay answers in a second or two; no pairing URI by then means it cannot be reached (offline, blocked, down). */
export const RELAY_TIMEOUT_MS = 15_000;

const unreachable = (why: string) =>
  new WalletError('failed', `Could not reach the WalletConnect relay (${why}). Check your internet connection and try again, or choose another wallet.`);

export async function connectWalletConnect(ctx: ConnectorContext, walletId: string, options: ConnectOptions): Promise<ConnectedWallet> {
  const projectId = ctx.walletConnectProjectId;
  if (!projectId) throw new WalletError('unsupported', 'WalletConnect is not configured on this site.');
  const [{ walletConnect }, wagmi] = await Promise.all([import('wagmi/connectors/walletConnect'), loadWagmi(ctx)]);
  const config = wagmi.configure([
    walletConnect({
      projectId,
      showQrModal: false,
      // The wallet shows this and WalletConnect's Verify API checks `url` against the page's origin.
      metadata: { name: ctx.appName, description: `Sign in to ${ctx.appName}`, url: ctx.origin, icons: [] },
    }),
  ]);
  const connector = config.connectors[0];
  let paired = false;
  let relayTimer: ReturnType<typeof setTimeout> | undefined;
  const silence = unreachable(`no answer in ${RELAY_TIMEOUT_MS / 1000} s`);
  const relayReached = new Promise<never>((_, reject) => (relayTimer = setTimeout(() => reject(silence), RELAY_TIMEOUT_MS)));
  const onMessage = ({ type, data }: { type: string; data?: unknown }) => {
    if (type !== 'display_uri' || typeof data !== 'string') return;
    paired = true;
    clearTimeout(relayTimer);
    options.present({
      uri: data,
      title: 'Scan with a WalletConnect wallet on your phone',
      hint: 'On a phone, open the link instead: your wallet app asks to connect, then to sign.',
    });
  };
  // Cancel (or leaving the panel) drops the pairing, so a late approval on the phone connects nothing.
  const abandon = () => void connector.disconnect().catch(() => undefined);
  options.signal.addEventListener('abort', abandon, { once: true });
  connector.emitter.on('message', onMessage);
  try {
    return await Promise.race([connectWagmi(wagmi, config, connector, walletId), relayReached]);
  } catch (e) {
    abandon();
    // Before a pairing URI exists only the relay (or the SDK talking to it) can have failed, whatever it said.
    const sdkFailure = e !== silence && (!(e instanceof WalletError) || e.code === 'failed');
    if (!paired && sdkFailure) throw unreachable('it refused or closed the connection');
    throw e;
  } finally {
    clearTimeout(relayTimer);
    relayReached.catch(() => undefined);
    connector.emitter.off('message', onMessage);
    options.signal.removeEventListener('abort', abandon);
    options.present(null);
  }
}
