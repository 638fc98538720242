/**
 * Ethereum connector (browser, loaded on demand): EIP-6963 wallets discovered through wagmi, the legacy injected
 * provider, WalletConnect v2 when WALLETCONNECT_PROJECT_ID is set (its SDK loads only when chosen), and the demo
 * wallet. Signing is EIP-191 personal_sign of the server's EIP-4361 text.
 */
import { WalletError, type ConnectedWallet, type ConnectOptions, type ConnectorContext, type CreateConnector, type WalletOption } from '../types';
import { connectWagmi, loadWagmi } from './wagmi';

const KNOWN_WALLETS: WalletOption[] = [
  { id: 'io.metamask', name: 'MetaMask', kind: 'injected', installUrl: 'https://metamask.io/download/' },
  { id: 'io.rabby', name: 'Rabby', kind: 'injected', installUrl: 'https://rabby.io/' },
  { id: 'com.coinbase.wallet', name: 'Coinbase Wallet', kind: 'injected', installUrl: 'https://www.coinbase.com/wallet/downloads' },
];
const WALLETCONNECT: WalletOption = { id: 'walletConnect', name: 'WalletConnect (wallet on your phone)', kind: 'remote' };
const DISCOVERY_MS = 300; // EIP-6963 providers announce asynchronously

async function injectedWallets(ctx: ConnectorContext) {
  // `injected` comes from wagmi itself: the `wagmi/connectors` barrel would pull every optional SDK
  // (@base-org/account → @coinbase/cdp-sdk, whose optional peers are not installed) into the build.
  const [wagmi, { injected }] = await Promise.all([loadWagmi(ctx), import('wagmi')]);
  const config = wagmi.configure([injected()]);
  await new Promise((r) => setTimeout(r, DISCOVERY_MS));
  return { wagmi, config };
}

const createEthereumConnector: CreateConnector = (ctx) => {
  let loaded: ReturnType<typeof injectedWallets> | undefined;
  const load = () => (loaded ??= injectedWallets(ctx));

  return {
    chain: 'ethereum',
    async listWallets() {
      const { config } = await load();
      const found = config.connectors
        .filter((c) => c.type === 'injected' && (c.id !== 'injected' || typeof window.ethereum !== 'undefined'))
        .map<WalletOption>((c) => ({ id: c.id, name: c.id === 'injected' ? 'Browser wallet' : c.name, icon: c.icon, kind: 'injected' }));
      const wallets = found.some((w) => w.id !== 'injected') ? found.filter((w) => w.id !== 'injected') : found;
      const missing = wallets.length === 0 ? KNOWN_WALLETS : [];
      return [
        ...wallets,
        ...(ctx.walletConnectProjectId ? [WALLETCONNECT] : []),
        ...missing,
        ...(ctx.demoWallets ? [{ id: 'demo', name: 'Demo wallet', kind: 'demo' as const }] : []),
      ];
    },

    async connect(walletId, options?: ConnectOptions): Promise<ConnectedWallet> {
      if (walletId === 'demo') return (await import('./demo-wallet')).demoWallet();
      if (walletId === WALLETCONNECT.id) {
        const { connectWalletConnect } = await import('./walletconnect');
        return connectWalletConnect(ctx, walletId, options ?? { signal: new AbortController().signal, present: () => undefined });
      }
      const { wagmi, config } = await load();
      const connector = config.connectors.find((c) => c.id === walletId);
      if (!connector) throw new WalletError('no_wallet', 'That wallet is not installed in this browser.');
      return connectWagmi(wagmi, config, connector, walletId);
    },
  };
};

export default createEthereumConnector;

declare global {
  interface Window {
    ethereum?: unknown;
  }
}
