/**
 * Ergo connector (browser, loaded with import() once Ergo is chosen). EIP-12 wallets from `window.ergoConnector`,
 * Nautilus with an install link when missing, and the demo wallet. Signing order: `sign_data` (the wallet shows the
 * full text being signed), and EIP-28 `auth` only for a wallet without sign_data (Nautilus's auth screen shows only
 * the origin and the address, not the text).
 */
import type { ChainNetworks, ConnectedWallet, CreateConnector, WalletOption } from '../types';
import { WalletError } from '../types';
import { P2PK_ADDRESS_START } from './constants';
import { toWalletError, type Eip12Connector, type Eip12Context } from './eip12';
import { walletRequestHost } from './ergoauth';
import { connectErgoAuth, ergoAuthOption, ERGOAUTH_WALLET_ID } from './ergoauth-client';

const KNOWN_WALLETS: Record<string, { name: string; installUrl?: string }> = {
  nautilus: { name: 'Nautilus', installUrl: 'https://chromewebstore.google.com/detail/nautilus-wallet/gjlmehlldlphhljhpnlddaodbjjcchai' },
  safew: { name: 'SAFEW' },
};

const walletName = (id: string) => KNOWN_WALLETS[id]?.name ?? id.charAt(0).toUpperCase() + id.slice(1);

function injectedWallets(): string[] {
  const connectors = typeof window === 'undefined' ? undefined : window.ergoConnector;
  return connectors ? Object.keys(connectors).filter((id) => typeof connectors[id]?.connect === 'function') : [];
}

async function openContext(id: string, connector: Eip12Connector): Promise<Eip12Context> {
  let granted: boolean;
  try {
    granted = await connector.connect({ createErgoObject: true });
  } catch (e) {
    throw toWalletError(e, 'connect', walletName(id));
  }
  if (!granted) throw new WalletError('rejected', `${walletName(id)} did not allow the connection.`);
  const context = connector.getContext ? await connector.getContext().catch(() => window.ergo) : window.ergo;
  if (!context) throw new WalletError('failed', `${walletName(id)} connected but gave no wallet API.`);
  return context;
}

async function readAddress(id: string, context: Eip12Context, network: ChainNetworks['ergo']): Promise<string> {
  let address: string | undefined;
  try {
    address = (await context.get_change_address?.()) || (await context.get_used_addresses?.())?.[0];
  } catch (e) {
    throw toWalletError(e, 'connect', walletName(id));
  }
  if (typeof address !== 'string' || address.length === 0) throw new WalletError('no_account', `${walletName(id)} has no address to sign in with.`);
  const start = P2PK_ADDRESS_START[network];
  if (!address.startsWith(start)) {
    const otherNetwork = address.startsWith(P2PK_ADDRESS_START[network === 'mainnet' ? 'testnet' : 'mainnet']);
    if (otherNetwork) throw new WalletError('wrong_network', `Switch ${walletName(id)} to Ergo ${network} (addresses starting with ${start}).`);
    throw new WalletError('unsupported', 'Only P2PK wallet addresses can sign in.');
  }
  return address;
}

function signer(id: string, context: Eip12Context, address: string): ConnectedWallet['sign'] {
  return async ({ message }) => {
    try {
      if (typeof context.sign_data === 'function') return { signature: await context.sign_data(address, message), extras: { form: 'sign_data' } };
      if (typeof context.auth === 'function') {
        const { signedMessage, proof } = await context.auth(address, message);
        return { signature: proof, extras: { form: 'auth', signedMessage } };
      }
    } catch (e) {
      throw toWalletError(e, typeof context.sign_data === 'function' ? 'sign_data' : 'auth', walletName(id));
    }
    throw new WalletError('unsupported', `${walletName(id)} cannot sign messages.`);
  };
}

const createErgoConnector: CreateConnector = (ctx) => ({
  chain: 'ergo',
  async listWallets() {
    const found = injectedWallets();
    const options: WalletOption[] = found.map((id) => ({ id, name: walletName(id), kind: 'injected' }));
    for (const [id, known] of Object.entries(KNOWN_WALLETS))
      if (known.installUrl && !found.includes(id)) options.push({ id, name: known.name, kind: 'injected', installUrl: known.installUrl });
    if (walletRequestHost(ctx.origin)) options.push(ergoAuthOption(ctx.networks.ergo));
    if (ctx.demoWallets) options.push({ id: 'demo', kind: 'demo', name: 'Demo wallet' });
    return options;
  },
  async connect(walletId, connectOptions) {
    const network = ctx.networks.ergo;
    if (walletId === ERGOAUTH_WALLET_ID) return connectErgoAuth(network, connectOptions);
    if (walletId === 'demo' && ctx.demoWallets) return (await import('./demo-wallet')).connectDemoWallet(network);
    const connector = typeof window === 'undefined' ? undefined : window.ergoConnector?.[walletId];
    if (!connector) throw new WalletError('no_wallet', 'No Ergo wallet found — install Nautilus and reload this page.');
    const context = await openContext(walletId, connector);
    const address = await readAddress(walletId, context, network);
    return {
      walletId,
      address,
      sign: signer(walletId, context, address),
      disconnect: async () => void (await connector.disconnect?.().catch(() => false)),
    };
  },
});

export default createErgoConnector;
