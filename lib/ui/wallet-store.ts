/**
 * The wallet the person signed in with in this tab (module state survives client-side navigation), so the
 * account watcher can notice an account switch in the wallet.
 */
import type { ChainId, ConnectedWallet } from '../chains/types';

export interface ActiveWallet {
  chain: ChainId;
  wallet: ConnectedWallet;
}

let active: ActiveWallet | null = null;
export const setActiveWallet = (next: ActiveWallet | null) => void (active = next);
export const getActiveWallet = () => active;
