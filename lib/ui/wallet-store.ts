/**
 * Which wallet the person signed in with in this tab (sessionStorage, so it survives the full navigation after
 * sign-in), so the account watcher can reconnect to it silently and notice an account switch.
 */
import type { ChainId } from '../chains/types';

const KEY = 'walletgate.active-wallet';

export interface ActiveWalletRef {
  chain: ChainId;
  walletId: string;
  address: string;
}

export function rememberActiveWallet(ref: ActiveWalletRef): void {
  sessionStorage.setItem(KEY, JSON.stringify(ref));
}

export function activeWallet(): ActiveWalletRef | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ActiveWalletRef | null;
    return value && typeof value.chain === 'string' && typeof value.walletId === 'string' ? value : null;
  } catch {
    return null;
  }
}

export const forgetActiveWallet = () => sessionStorage.removeItem(KEY);
