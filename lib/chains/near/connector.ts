/**
 * Browser connector for NEAR: NEAR Connect wallets through near-kit's `fromNearConnect` adapter, plus the demo wallet.
 * Signs with NEP-413 signMessage({ message, recipient, nonce }) using the server's `signing` parameters.
 * near-kit and near-connect load only here, on demand (import()), after NEAR is chosen.
 */
import type { NearConnector, NearWalletBase } from '@hot-labs/near-connect';
import { WalletError, type ConnectedWallet, type CreateConnector, type SignRequest, type SignedPayload, type WalletOption } from '../types';
import { checkNearAccount, type NearNetwork } from './account-id';
import { connectDemoWallet, DEMO_WALLET } from './demo-wallet';
import { KNOWN_WALLETS, nearConnectorFor } from './near-connect';
import { decodeSigningParams } from './nep413';

/** Turns whatever a wallet threw into a WalletError the UI can say in words. */
export function toWalletError(e: unknown): WalletError {
  if (e instanceof WalletError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (/reject|cancel|denied|declined|closed/i.test(text)) return new WalletError('rejected', 'You declined the request in your wallet.');
  if (/wallet not found/i.test(text)) return new WalletError('no_wallet', 'That NEAR wallet is not available in this browser.');
  return new WalletError('failed', `The NEAR wallet failed: ${text}`);
}

function toOption(wallet: NearWalletBase, injected: boolean): WalletOption {
  const { id, name, icon } = wallet.manifest;
  // WalletOption icons are data: URLs or same-origin paths; manifest icons on other hosts are left to the UI's fallback.
  return { id, name, kind: injected ? 'injected' : 'remote', icon: icon?.startsWith('data:') ? icon : undefined };
}

async function firstAccount(wallet: NearWalletBase, network: NearNetwork): Promise<string> {
  const accounts = await wallet.getAccounts({ network });
  const accountId = accounts?.[0]?.accountId;
  if (!accountId) throw new WalletError('no_account', 'The wallet shared no NEAR account.');
  const check = checkNearAccount(accountId, network);
  if (!check.ok) throw new WalletError(check.reason === 'wrong_network' ? 'wrong_network' : 'no_account', check.message);
  return check.accountId;
}

async function signWithNearConnect(connector: NearConnector, address: string, request: SignRequest): Promise<SignedPayload> {
  let params;
  try {
    params = decodeSigningParams(request.message, request.signing);
  } catch (e) {
    throw new WalletError('failed', `The server's signing parameters are unusable (${(e as Error).message}).`);
  }
  const { fromNearConnect } = await import('near-kit');
  const signed = await fromNearConnect(connector).signMessage?.(params).catch((e: unknown) => Promise.reject(toWalletError(e)));
  if (!signed?.signature || !signed.publicKey) throw new WalletError('failed', 'The wallet returned no signature.');
  if (signed.accountId !== address)
    throw new WalletError('failed', `The wallet signed as ${signed.accountId}, not ${address}. Connect again.`);
  return { signature: signed.signature, publicKey: signed.publicKey };
}

async function connectNearConnect(network: NearNetwork, walletId: string): Promise<ConnectedWallet> {
  const { connector } = await nearConnectorFor(network);
  const wallet = await connector.connect({ walletId }).catch((e: unknown) => Promise.reject(toWalletError(e)));
  const address = await firstAccount(wallet, network);
  return {
    walletId,
    address,
    sign: (request) => signWithNearConnect(connector, address, request),
    watchAccount(onChange) {
      const onSignIn = (e: { accounts: Array<{ accountId: string }> }) => onChange(e.accounts[0]?.accountId ?? null);
      const onSignOut = () => onChange(null);
      connector.on('wallet:signIn', onSignIn);
      connector.on('wallet:signOut', onSignOut);
      return () => (connector.off('wallet:signIn', onSignIn), connector.off('wallet:signOut', onSignOut));
    },
    disconnect: () => connector.disconnect(wallet).catch(() => undefined),
  };
}

const createNearConnector: CreateConnector = (ctx) => {
  const network = ctx.networks.near;
  return {
    chain: 'near',
    async listWallets() {
      const { connector, isInjected } = await nearConnectorFor(network);
      const found = connector.availableWallets.map((w) => toOption(w, isInjected(w)));
      const missing: WalletOption[] = KNOWN_WALLETS.filter((k) => (network === 'mainnet' || k.testnet) && !found.some((f) => f.id === k.id)).map(
        ({ id, name, installUrl }) => ({ id, name, installUrl, kind: 'remote' }),
      );
      return [...found, ...missing, ...(ctx.demoWallets ? [DEMO_WALLET] : [])];
    },
    async connect(walletId) {
      if (walletId === DEMO_WALLET.id) {
        if (!ctx.demoWallets) throw new WalletError('no_wallet', 'The demo wallet is turned off.');
        return connectDemoWallet();
      }
      return connectNearConnect(network, walletId);
    },
  };
};

export default createNearConnector;
