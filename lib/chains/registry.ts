/**
 * The chain registry: browser-safe metadata that drives the picker, routes, verifiers, holdings and e2e loops.
 * Server maps (verifiers.ts, holdings.ts) and the browser map (connectors.ts) are typed Record<ChainId, …>.
 */
import { CHAIN_IDS, type ChainId } from './types';

export interface ChainMeta {
  id: ChainId;
  name: string;
  /** CAIP-2 namespace; the reference comes from the configured network. */
  namespace: string;
  /** Fixed text the chain's convention puts before the CAIP-122 header (part of the signed text). */
  messagePrefix: string;
  /** 'soon' shows a disabled "coming soon" tile. */
  status: 'live' | 'soon';
  tagline: string;
}

export const CHAINS: Record<ChainId, ChainMeta> = {
  ethereum: {
    id: 'ethereum',
    name: 'Ethereum',
    namespace: 'eip155',
    messagePrefix: '',
    status: 'live',
    tagline: 'MetaMask, Rabby, Coinbase and other EIP-6963 wallets',
  },
  cardano: {
    id: 'cardano',
    name: 'Cardano',
    namespace: 'cip34',
    messagePrefix: '',
    status: 'live',
    tagline: 'Eternl, Lace, Typhon and other CIP-30 wallets',
  },
  near: {
    id: 'near',
    name: 'NEAR',
    namespace: 'near',
    messagePrefix: '',
    status: 'live',
    tagline: 'Meteor, HOT, MyNearWallet, Intear (NEP-413)',
  },
  tezos: {
    id: 'tezos',
    name: 'Tezos',
    namespace: 'tezos',
    messagePrefix: 'Tezos Signed Message: ',
    status: 'live',
    tagline: 'Temple, Kukai, Umami and other Beacon wallets',
  },
  ergo: {
    id: 'ergo',
    name: 'Ergo',
    namespace: 'ergo',
    messagePrefix: '',
    status: 'live',
    tagline: 'Nautilus and other EIP-12 wallets',
  },
};

export const CHAIN_LIST: ChainMeta[] = CHAIN_IDS.map((id) => CHAINS[id]);
export const LIVE_CHAINS: ChainId[] = CHAIN_LIST.filter((c) => c.status === 'live').map((c) => c.id);
