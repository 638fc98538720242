/**
 * The ErgoAuth wallet option in the browser (loaded with the Ergo connector): the person types the address of their
 * phone wallet (EIP-28 step 1: "users might enter their P2PK address"); the usual nonce is issued for it; then this
 * page asks our server for an ErgoAuth request for that nonce, shows its `ergoauth://` QR code and link, and polls
 * until the phone's reply was verified. The proof comes back to this page only, which finishes through
 * POST /api/auth/verify (form "ergoauth") and so gets the session cookie itself.
 */
import { api, ApiError } from '../../ui/api';
import type { ChainNetworks, ConnectedWallet, ConnectOptions, SignedPayload, WalletOption } from '../types';
import { WalletError } from '../types';
import { P2PK_ADDRESS_START } from './constants';

export const ERGOAUTH_WALLET_ID = 'ergoauth';
const POLL_INTERVAL_MS = 1500;

export const ergoAuthOption = (network: ChainNetworks['ergo']): WalletOption => ({
  id: ERGOAUTH_WALLET_ID,
  name: 'Ergo mobile wallet (ErgoAuth)',
  kind: 'remote',
  needsAddress: { label: 'The address of your phone wallet (copy it from the Ergo Wallet app or Terminus):', placeholder: `${P2PK_ADDRESS_START[network]}…` },
});

interface Started {
  id: string;
  token: string;
  uri: string;
  expiresAt: string;
}
type Poll = { status: 'pending' } | { status: 'signed'; signedMessage: string; proof: string };

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new WalletError('cancelled', 'Cancelled.'));
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(new WalletError('cancelled', 'Cancelled.')));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function signOnPhone(address: string, message: string, options: ConnectOptions): Promise<SignedPayload> {
  const started = await api<Started>('/api/ergoauth/requests', { address, message });
  options.present({
    uri: started.uri,
    title: 'Scan this code with the Ergo Wallet app or Terminus, or open the link on the phone that holds the wallet.',
    hint: 'The wallet shows this site and your address; approve there. Nothing is sent from your wallet.',
  });
  // Polling stops when the request expires, even if the flow stopped waiting earlier (its own timeout).
  const deadline = Date.parse(started.expiresAt) + POLL_INTERVAL_MS;
  try {
    while (Date.now() < deadline) {
      await wait(POLL_INTERVAL_MS, options.signal);
      const poll = await api<Poll>(`/api/ergoauth/requests/${started.id}/poll`, { token: started.token }).catch((e: unknown) => {
        // A refused or expired reply ends this request; a new one can be started (the panel offers "Try again").
        throw e instanceof ApiError ? new WalletError('failed', e.message) : e;
      });
      if (poll.status === 'signed') return { signature: poll.proof, extras: { form: 'ergoauth', signedMessage: poll.signedMessage } };
    }
    throw new WalletError('timeout', 'The phone wallet did not answer in time.');
  } finally {
    options.present(null);
  }
}

export function connectErgoAuth(network: ChainNetworks['ergo'], options?: ConnectOptions): ConnectedWallet {
  const address = options?.address?.trim() ?? '';
  if (!address) throw new WalletError('no_account', 'Enter the Ergo address of your phone wallet.');
  const start = P2PK_ADDRESS_START[network];
  if (!address.startsWith(start)) throw new WalletError('wrong_network', `Enter an Ergo ${network} address (it starts with ${start}).`);
  return {
    walletId: ERGOAUTH_WALLET_ID,
    address,
    sign: async (request, signOptions) => {
      const opts = signOptions ?? options;
      if (!opts) throw new WalletError('unsupported', 'ErgoAuth needs the page to show a QR code.');
      return signOnPhone(address, request.message, opts);
    },
  };
}
