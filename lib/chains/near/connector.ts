/**
 * Browser connector for NEAR: NEAR Connect wallets, plus the demo wallet. Signs with NEP-413
 * signMessage({ message, recipient, nonce, callbackUrl? }) using the server's `signing` parameters, calling the
 * NEAR Connect wallet directly: near-kit's `fromNearConnect` adapter drops callbackUrl. A wallet that signs a
 * callbackUrl (near-connect.ts `signsCallbackUrl`: MyNearWallet) is handed the current page on APP_URL's origin, and
 * that value goes to the server as `callbackUrl`; other wallets get none and the server verifies a payload with none.
 * near-connect loads only here, on demand (import()), after NEAR is chosen.
 */
import type { NearConnector, NearWalletBase } from '@hot-labs/near-connect';
import { WalletError, type ConnectedWallet, type CreateConnector, type SignRequest, type SignedPayload, type WalletOption } from '../types';
import { checkNearAccount, type NearNetwork } from './account-id';
import { connectDemoWallet, DEMO_WALLET } from './demo-wallet';
import { callbackUrlFor } from './callback-url';
import { KNOWN_WALLETS, nearConnectorFor, signsCallbackUrl } from './near-connect';
import { decodeSigningParams, type Nep413Params } from './nep413';

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

/** What a NEAR Connect wallet answers; `callbackUrl` only if a wallet says what it signed (none does today). */
interface WalletSignedMessage {
  accountId?: string;
  publicKey?: string;
  signature?: string;
  callbackUrl?: unknown;
}

async function signWithNearConnect(wallet: NearWalletBase, address: string, request: SignRequest, callbackUrl: string | undefined): Promise<SignedPayload> {
  let params: Nep413Params;
  try {
    params = decodeSigningParams(request.message, request.signing);
  } catch (e) {
    throw new WalletError('failed', `The server's signing parameters are unusable (${(e as Error).message}).`);
  }
  // near-connect's SignMessageParams has no callbackUrl, but both wallet kinds pass the params on as they are.
  const ask = wallet.signMessage as (p: Nep413Params & { callbackUrl?: string }) => Promise<WalletSignedMessage | undefined>;
  const signed = await ask.call(wallet, callbackUrl ? { ...params, callbackUrl } : params).catch((e: unknown) => Promise.reject(toWalletError(e)));
  if (!signed?.signature || !signed.publicKey) throw new WalletError('failed', 'The wallet returned no signature.');
  if (signed.accountId !== address)
    throw new WalletError('failed', `The wallet signed as ${signed.accountId}, not ${address}. Connect again.`);
  const signedUrl = typeof signed.callbackUrl === 'string' ? signed.callbackUrl : callbackUrl;
  return { signature: signed.signature, publicKey: signed.publicKey, ...(signedUrl ? { extras: { callbackUrl: signedUrl } } : {}) };
}

/** The page the wallet may return to, on the app's origin; the server accepts only that origin. */
const currentPageUrl = (origin: string) => callbackUrlFor(origin, globalThis.location?.pathname ?? '/');

async function connectNearConnect(network: NearNetwork, walletId: string, origin: string): Promise<ConnectedWallet> {
  const { connector } = await nearConnectorFor(network);
  const wallet = await connector.connect({ walletId }).catch((e: unknown) => Promise.reject(toWalletError(e)));
  const address = await firstAccount(wallet, network);
  return {
    walletId,
    address,
    sign: (request) => signWithNearConnect(wallet, address, request, signsCallbackUrl(walletId) ? currentPageUrl(origin) : undefined),
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
      return connectNearConnect(network, walletId, ctx.origin);
    },
  };
};

export default createNearConnector;
