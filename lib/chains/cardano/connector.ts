/**
 * Cardano connector (browser, loaded on demand): CIP-30 wallets at `window.cardano.<id>` and the demo wallet.
 * No Mesh here: CIP-30 already returns the COSE DataSignature, and Mesh would add ~1.6 MB for nothing.
 * Identity = the stake (reward) address, else the first used address, else the change address (all shown in bech32).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { isAppError } from '../../errors';
import { WalletError, type ConnectedWallet, type CreateConnector, type WalletOption } from '../types';
import { addressHex, networkIdOf, parseAddress, type CardanoAddress, type CardanoNetwork } from './address';
import { KNOWN_CARDANO_WALLETS, cip30Error, injectedWallet, injectedWallets, type Cip30Api } from './cip30';
import { payloadBytes } from './payload';

/** Wallet icons are shown only as data: images (CIP-30 wallets inject them so); anything else is dropped. */
const dataIcon = (icon: unknown) => (typeof icon === 'string' && icon.startsWith('data:image/') ? icon : undefined);

const NETWORK_NAMES: Record<CardanoNetwork, string> = { mainnet: 'Mainnet', preprod: 'Preprod', preview: 'Preview' };

/** The first address the wallet returns that can sign in (key credential, this network), in the wallet's order. */
function firstUsable(candidates: string[], networkId: number): CardanoAddress | undefined {
  for (const candidate of candidates) {
    try {
      const address = parseAddress(candidate);
      if (address.networkId === networkId) return address;
    } catch (e) {
      if (!isAppError(e)) throw e; // script/pointer/garbage: try the next one
    }
  }
  return undefined;
}

async function identity(api: Cip30Api, networkId: number): Promise<CardanoAddress> {
  const call = <T>(p: Promise<T>) => p.catch((e) => { throw cip30Error(e, 'enable'); });
  const sources = [() => api.getRewardAddresses(), () => api.getUsedAddresses(), async () => [await api.getChangeAddress()]];
  for (const source of sources) {
    const found = firstUsable((await call(source())) ?? [], networkId);
    if (found) return found;
  }
  throw new WalletError('no_account', 'The wallet shared no stake or payment address that can sign in (script addresses cannot).');
}

function connected(walletId: string, api: Cip30Api, address: CardanoAddress): ConnectedWallet {
  return {
    walletId,
    address: address.bech32,
    async sign({ message, signing }) {
      // CIP-30 accepts hex or bech32 for the address; hex is what wallets return and what every wallet reads.
      const ds = await api.signData(addressHex(address), bytesToHex(payloadBytes(message, signing))).catch((e) => {
        throw cip30Error(e, 'sign');
      });
      if (typeof ds?.signature !== 'string' || typeof ds?.key !== 'string')
        throw new WalletError('failed', 'The wallet returned no DataSignature (signature and key).');
      return { signature: ds.signature, publicKey: ds.key };
    },
  };
}

const createCardanoConnector: CreateConnector = (ctx) => {
  const network = ctx.networks.cardano;
  const networkId = networkIdOf(network);
  return {
    chain: 'cardano',
    async listWallets() {
      const found = injectedWallets().map<WalletOption>(({ id, wallet }) => ({ id, name: wallet.name, icon: dataIcon(wallet.icon), kind: 'injected' }));
      const missing = found.length === 0 ? KNOWN_CARDANO_WALLETS : [];
      return [...found, ...missing, ...(ctx.demoWallets ? [{ id: 'demo', name: 'Demo wallet', kind: 'demo' as const }] : [])];
    },

    async connect(walletId) {
      if (walletId === 'demo') return (await import('./demo-wallet')).demoWallet(network);
      const wallet = injectedWallet(walletId);
      if (!wallet) throw new WalletError('no_wallet', 'That Cardano wallet is not installed in this browser.');
      const api = await wallet.enable().catch((e) => { throw cip30Error(e, 'enable'); });
      const walletNetwork = await api.getNetworkId().catch((e) => { throw cip30Error(e, 'enable'); });
      if (walletNetwork !== networkId)
        throw new WalletError('wrong_network', `Switch ${wallet.name} to Cardano ${NETWORK_NAMES[network]} and try again.`);
      return connected(walletId, api, await identity(api, networkId));
    },
  };
};

export default createCardanoConnector;
