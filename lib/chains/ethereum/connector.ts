/**
 * Ethereum connector (browser, loaded on demand): EIP-6963 wallets discovered through wagmi, the legacy injected
 * provider, and the demo wallet. Signing is EIP-191 personal_sign of the server's EIP-4361 text.
 */
import { WalletError, type ConnectedWallet, type ConnectorContext, type CreateConnector, type WalletOption } from '../types';

const KNOWN_WALLETS: WalletOption[] = [
  { id: 'io.metamask', name: 'MetaMask', kind: 'injected', installUrl: 'https://metamask.io/download/' },
  { id: 'io.rabby', name: 'Rabby', kind: 'injected', installUrl: 'https://rabby.io/' },
  { id: 'com.coinbase.wallet', name: 'Coinbase Wallet', kind: 'injected', installUrl: 'https://www.coinbase.com/wallet/downloads' },
];
const DISCOVERY_MS = 300; // EIP-6963 providers announce asynchronously

async function wagmi(ctx: ConnectorContext) {
  // `injected` comes from wagmi itself: the `wagmi/connectors` barrel would pull every optional SDK
  // (@base-org/account → @coinbase/cdp-sdk, whose optional peers are not installed) into the build.
  const [{ createConfig, http, injected }, actions, { extractChain, defineChain }, chains] = await Promise.all([
    import('wagmi'),
    import('wagmi/actions'),
    import('viem'),
    import('viem/chains'),
  ]);
  const known = extractChain({ chains: Object.values(chains) as never[], id: ctx.networks.ethereum as never }) as unknown;
  const chain = (known ?? defineChain({ id: ctx.networks.ethereum, name: `Chain ${ctx.networks.ethereum}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } })) as ReturnType<typeof defineChain>;
  const config = createConfig({ chains: [chain], connectors: [injected()], transports: { [chain.id]: http() }, storage: null, ssr: false });
  await new Promise((r) => setTimeout(r, DISCOVERY_MS));
  return { config, actions, chain };
}

function walletError(e: unknown): WalletError {
  const err = e as { code?: number; name?: string; message?: string; cause?: { code?: number } };
  const code = err.code ?? err.cause?.code;
  if (code === 4001 || err.name === 'UserRejectedRequestError') return new WalletError('rejected', 'Rejected in wallet.');
  if (err.name === 'ProviderNotFoundError') return new WalletError('no_wallet', 'No Ethereum wallet found in this browser.');
  return new WalletError('failed', err.message?.split('\n')[0] ?? 'The wallet reported an error.');
}

const createEthereumConnector: CreateConnector = (ctx) => {
  let loaded: ReturnType<typeof wagmi> | undefined;
  const load = () => (loaded ??= wagmi(ctx));

  return {
    chain: 'ethereum',
    async listWallets() {
      const { config } = await load();
      const found = config.connectors
        .filter((c) => c.type === 'injected' && (c.id !== 'injected' || typeof window.ethereum !== 'undefined'))
        .map<WalletOption>((c) => ({ id: c.id, name: c.id === 'injected' ? 'Browser wallet' : c.name, icon: c.icon, kind: 'injected' }));
      const wallets = found.some((w) => w.id !== 'injected') ? found.filter((w) => w.id !== 'injected') : found;
      const missing = wallets.length === 0 ? KNOWN_WALLETS : [];
      return [...wallets, ...missing, ...(ctx.demoWallets ? [{ id: 'demo', name: 'Demo wallet', kind: 'demo' as const }] : [])];
    },

    async connect(walletId): Promise<ConnectedWallet> {
      if (walletId === 'demo') return (await import('./demo-wallet')).demoWallet();
      const { config, actions, chain } = await load();
      const connector = config.connectors.find((c) => c.id === walletId);
      if (!connector) throw new WalletError('no_wallet', 'That wallet is not installed in this browser.');
      const result = await actions
        .connect(config, { connector, chainId: chain.id })
        .then((r) => ({ accounts: r.accounts as readonly string[], chainId: r.chainId as number | undefined }))
        .catch((e) => {
          if ((e as { name?: string }).name !== 'ConnectorAlreadyConnectedError') throw walletError(e);
          const c = actions.getConnection(config);
          return { accounts: (c.addresses ?? []) as readonly string[], chainId: c.chainId as number | undefined };
        });
      if (result.chainId !== chain.id) {
        await actions.switchChain(config, { chainId: chain.id }).catch(() => {
          throw new WalletError('wrong_network', `Switch your wallet to ${chain.name} (chain ${chain.id}) and try again.`);
        });
      }
      const address = result.accounts[0];
      if (!address) throw new WalletError('no_account', 'The wallet shared no account.');
      return {
        walletId,
        address,
        async sign({ message }) {
          const signature = await actions.signMessage(config, { message, account: address as `0x${string}`, connector }).catch((e) => {
            throw walletError(e);
          });
          return { signature };
        },
        watchAccount(onChange) {
          return actions.watchConnection(config, { onChange: (c) => onChange(c.address ?? null) });
        },
        disconnect: () => actions.disconnect(config, { connector }),
      };
    },
  };
};

export default createEthereumConnector;

declare global {
  interface Window {
    ethereum?: unknown;
  }
}
