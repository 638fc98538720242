/**
 * The injected-wallet boundary (the second adapter beside Beacon). A wallet — or a test fixture — exposes
 * `window.tezos`: one provider or an array of providers, each
 *
 *   { id: string,                      // stable, e.g. reverse-DNS "com.example.wallet"; the option id is `injected:<id>`
 *     name: string, icon?: string,     // icon: data: URL
 *     getActiveAccount(request: { network: 'mainnet' | 'ghostnet' }): Promise<{ address, publicKey, network? }>,
 *     requestSignPayload(request: { signingType: 'micheline', payload: hex, sourceAddress }): Promise<{ signature }> }
 *
 * Rejections throw an error whose `errorType` (or message prefix `[TYPE]:`) is Beacon's: ABORTED_ERROR when the user
 * declines, NOT_GRANTED_ERROR, NETWORK_NOT_SUPPORTED, … — the same codes Beacon wallets use.
 */
import { WalletError, type ChainNetworks, type ConnectedWallet, type WalletOption } from '../types';
import { payloadToSign, WALLET_IDS } from './sign-request';
import { requireImplicitAccount, toWalletError } from './wallet-errors';

export interface TezosInjectedProvider {
  id: string;
  name: string;
  icon?: string;
  getActiveAccount(request: { network: ChainNetworks['tezos'] }): Promise<{ address: string; publicKey: string; network?: string }>;
  requestSignPayload(request: { signingType: 'micheline'; payload: string; sourceAddress: string }): Promise<{ signature: string }>;
}

const INJECTED_PREFIX = WALLET_IDS.injectedPrefix;

const isProvider = (p: unknown): p is TezosInjectedProvider =>
  typeof p === 'object' && p !== null &&
  typeof (p as TezosInjectedProvider).id === 'string' && typeof (p as TezosInjectedProvider).name === 'string' &&
  typeof (p as TezosInjectedProvider).getActiveAccount === 'function' &&
  typeof (p as TezosInjectedProvider).requestSignPayload === 'function';

export function findInjectedProviders(): TezosInjectedProvider[] {
  const found = (globalThis as { tezos?: unknown }).tezos;
  return (Array.isArray(found) ? found : [found]).filter(isProvider);
}

export const injectedOptions = (): WalletOption[] =>
  findInjectedProviders().map((p) => ({ id: `${INJECTED_PREFIX}${p.id}`, name: p.name, icon: p.icon, kind: 'injected' }));

export async function connectInjected(walletId: string, network: ChainNetworks['tezos']): Promise<ConnectedWallet> {
  const provider = findInjectedProviders().find((p) => `${INJECTED_PREFIX}${p.id}` === walletId);
  if (!provider) throw new WalletError('no_wallet', 'That Tezos wallet is not available in this browser.');
  let account: Awaited<ReturnType<TezosInjectedProvider['getActiveAccount']>>;
  try {
    account = await provider.getActiveAccount({ network });
  } catch (e) {
    throw toWalletError(e, 'connect');
  }
  const address = requireImplicitAccount(account?.address);
  if (account.network !== undefined && account.network !== network)
    throw new WalletError('wrong_network', `Your wallet is on ${account.network}; switch it to ${network}.`);
  if (typeof account.publicKey !== 'string') throw new WalletError('unsupported', 'The wallet did not share its public key.');
  return {
    walletId,
    address,
    async sign(request) {
      const payload = payloadToSign(request);
      try {
        const { signature } = await provider.requestSignPayload({ signingType: 'micheline', payload, sourceAddress: address });
        return { signature, publicKey: account.publicKey, extras: { payload } };
      } catch (e) {
        throw toWalletError(e, 'sign the message');
      }
    },
  };
}
