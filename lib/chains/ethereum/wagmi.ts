/**
 * The wagmi pieces both Ethereum connectors share (browser, loaded on demand): the configured chain, a wagmi config
 * around one set of connectors, and the ConnectedWallet a wagmi connector becomes (connect, personal_sign, watch).
 */
import type { Config, Connector, CreateConnectorFn } from 'wagmi';
import { WalletError, type ConnectedWallet, type ConnectorContext } from '../types';

export async function loadWagmi(ctx: ConnectorContext) {
  const [{ createConfig, http }, actions, { extractChain, defineChain }, chains] = await Promise.all([
    import('wagmi'),
    import('wagmi/actions'),
    import('viem'),
    import('viem/chains'),
  ]);
  const known = extractChain({ chains: Object.values(chains) as never[], id: ctx.networks.ethereum as never }) as unknown;
  const chain = (known ?? defineChain({ id: ctx.networks.ethereum, name: `Chain ${ctx.networks.ethereum}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } })) as ReturnType<typeof defineChain>;
  const configure = (connectors: CreateConnectorFn[]) =>
    createConfig({ chains: [chain], connectors, transports: { [chain.id]: http() }, storage: null, ssr: false });
  return { configure, actions, chain };
}

type Wagmi = Awaited<ReturnType<typeof loadWagmi>>;

export function walletError(e: unknown): WalletError {
  if (e instanceof WalletError) return e;
  const err = e as { code?: number; name?: string; message?: string; cause?: { code?: number } };
  const code = err.code ?? err.cause?.code;
  if (code === 4001 || err.name === 'UserRejectedRequestError') return new WalletError('rejected', 'Rejected in wallet.');
  if (err.name === 'ProviderNotFoundError') return new WalletError('no_wallet', 'No Ethereum wallet found in this browser.');
  return new WalletError('failed', err.message?.split('\n')[0] ?? 'The wallet reported an error.');
}

/** Connects through a wagmi connector on the configured chain and wraps it as the sign-in flow's wallet. */
export async function connectWagmi({ actions, chain }: Wagmi, config: Config, connector: Connector, walletId: string): Promise<ConnectedWallet> {
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
}
