/**
 * The Beacon adapter (Temple, Kukai, Umami and other Beacon wallets). @airgap/beacon-sdk (~1 MB) is loaded with
 * import() on connect only. Browser extensions answer over postMessage; mobile and web wallets pair through
 * Beacon's P2P relay (Matrix) or WalletConnect, so those need the network. Beacon's own dialog lists the wallets
 * and their install links.
 */
import { WalletError, type ConnectedWallet, type ConnectorContext } from '../types';
import { payloadToSign, WALLET_IDS } from './sign-request';
import { requireImplicitAccount, toWalletError } from './wallet-errors';

type BeaconSdk = typeof import('@airgap/beacon-sdk');
type DAppClient = InstanceType<BeaconSdk['DAppClient']>;

// Beacon keeps one client per page (a second instance warns and shares storage).
let client: { network: string; instance: DAppClient } | undefined;

function clientFor(sdk: BeaconSdk, ctx: ConnectorContext): DAppClient {
  const network = ctx.networks.tezos === 'mainnet' ? sdk.NetworkType.MAINNET : sdk.NetworkType.GHOSTNET;
  if (client?.network === network) return client.instance;
  const instance = new sdk.DAppClient({
    name: ctx.appName,
    appUrl: ctx.origin,
    network: { type: network },
    ...(ctx.walletConnectProjectId ? { walletConnectOptions: { projectId: ctx.walletConnectProjectId } } : {}),
  });
  client = { network, instance };
  return instance;
}

export async function connectBeacon(ctx: ConnectorContext): Promise<ConnectedWallet> {
  const sdk = await import('@airgap/beacon-sdk');
  const dapp = clientFor(sdk, ctx);
  let granted: Awaited<ReturnType<DAppClient['requestPermissions']>>;
  try {
    granted = await dapp.requestPermissions();
  } catch (e) {
    throw toWalletError(e, 'connect');
  }
  const active = await dapp.getActiveAccount();
  const address = requireImplicitAccount(granted.address ?? active?.address);
  const publicKey = granted.publicKey ?? active?.publicKey;
  if (!publicKey) throw new WalletError('unsupported', 'The wallet did not share its public key, which sign-in needs.');
  if (granted.network?.type && granted.network.type !== ctx.networks.tezos)
    throw new WalletError('wrong_network', `Your wallet connected on ${granted.network.type}; this app uses ${ctx.networks.tezos}.`);
  return {
    walletId: WALLET_IDS.beacon,
    address,
    async sign(request) {
      const payload = payloadToSign(request);
      try {
        const { signature } = await dapp.requestSignPayload({ signingType: sdk.SigningType.MICHELINE, payload, sourceAddress: address });
        return { signature, publicKey, extras: { payload } };
      } catch (e) {
        throw toWalletError(e, 'sign the message');
      }
    },
    async disconnect() {
      await dapp.clearActiveAccount();
    },
  };
}
