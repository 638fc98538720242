/**
 * The Kukai adapter: kukai-embed (loaded with import() when Kukai is chosen) puts Kukai's social-login wallet in an
 * iframe (https://wallet.kukai.app, or ghostnet.kukai.app). Connect = init + login (Kukai's own dialog); sign =
 * `authenticate(requestId, nonce)`, which signs Kukai's JSON template (kukai-template.ts) rather than our text, so
 * the text it returns is what we send to verify. Kukai answers only origins it has allowlisted on mainnet; anywhere
 * else it stays silent, which the flow's bounded waits turn into a message.
 */
import { WalletError, type ConnectedWallet, type ConnectOptions, type ConnectorContext, type SignRequest } from '../types';
import { bounded } from '../../ui/bounded';
import { KUKAI_PREFIX, type KukaiAuthParams } from './kukai-template';
import { WALLET_IDS } from './sign-request';
import { requireImplicitAccount } from './wallet-errors';

type KukaiSdk = typeof import('kukai-embed');
type Embed = InstanceType<KukaiSdk['KukaiEmbed']>;

/** The iframe loads from Kukai's servers: give up on it sooner than the flow's connect bound. */
const INIT_TIMEOUT_MS = 20_000;
const AUTH_TIMEOUT_MS = 30_000;

// kukai-embed allows one iframe per page.
let current: { network: string; embed: Embed; ready: Promise<unknown> } | undefined;

function drop(): void {
  current?.embed.deinit();
  current = undefined;
}

function embedFor(sdk: KukaiSdk, network: ConnectorContext['networks']['tezos']) {
  if (current?.network === network) return current;
  drop();
  const embed = new sdk.KukaiEmbed({ net: network === 'mainnet' ? sdk.Networks.mainnet : sdk.Networks.ghostnet, enableLogging: false });
  const ready = embed.init();
  ready.catch(() => undefined);
  return (current = { network, embed, ready });
}

const KUKAI_CODES: Record<string, [WalletError['code'], string]> = {
  ABORTED_BY_USER: ['rejected', 'You closed Kukai before signing in.'],
  BACKED_BY_USER: ['rejected', 'You closed Kukai before signing in.'],
  NO_PERMISSION: ['unsupported', 'Kukai has not allowlisted this site; on mainnet it signs only for approved origins.'],
  NO_WALLET_FOUND: ['no_account', 'Kukai has no account signed in.'],
};

function kukaiError(e: unknown, action: string): WalletError {
  if (e instanceof WalletError) return e;
  const code = (e as { error?: unknown })?.error;
  const known = typeof code === 'string' ? KUKAI_CODES[code] : undefined;
  if (known) return new WalletError(known[0], known[1]);
  const detail = typeof code === 'string' ? code : e instanceof Error ? e.message : '';
  return new WalletError('failed', `Kukai could not ${action}${detail ? `: ${detail}` : '.'}`);
}

function authParams(request: SignRequest): KukaiAuthParams {
  const p = request.signing.kukai as Partial<KukaiAuthParams> | undefined;
  if (typeof p?.requestId !== 'string' || typeof p.nonce !== 'string' || !/^[A-Za-z0-9]+$/.test(p.nonce))
    throw new WalletError('failed', 'The server did not send what Kukai needs to sign in.');
  return { requestId: p.requestId, nonce: p.nonce };
}

export async function connectKukai(ctx: ConnectorContext, options?: ConnectOptions): Promise<ConnectedWallet> {
  const signal = options?.signal ?? new AbortController().signal;
  const sdk = await import('kukai-embed');
  const k = embedFor(sdk, ctx.networks.tezos);
  // A cancelled or timed-out login leaves Kukai's full-screen iframe up: take it down with the flow.
  const onAbort = () => drop();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await bounded(k.ready, signal, INIT_TIMEOUT_MS, 'Kukai (its page did not load)');
    const user = k.embed.user ?? (await k.embed.login());
    const address = requireImplicitAccount(user?.pkh);
    const publicKey = user.pk;
    return {
      walletId: WALLET_IDS.kukai,
      address,
      async sign(request, signOptions) {
        const { requestId, nonce } = authParams(request);
        const abort = () => drop();
        signOptions?.signal.addEventListener('abort', abort, { once: true });
        try {
          // Kukai signs this without a prompt once logged in: a longer silence means it will not answer.
          const { message, signature } = await bounded(k.embed.authenticate(requestId, nonce), signOptions?.signal ?? signal, AUTH_TIMEOUT_MS, 'Kukai');
          if (typeof message !== 'string' || !message.startsWith(KUKAI_PREFIX) || typeof signature !== 'string')
            throw new WalletError('failed', 'Kukai answered with something that is not a signed message.');
          return { message, signature, publicKey };
        } catch (e) {
          throw kukaiError(e, 'sign the message');
        } finally {
          signOptions?.signal.removeEventListener('abort', abort);
        }
      },
      async disconnect() {
        await k.embed.logout().catch(() => undefined);
      },
    };
  } catch (e) {
    if (signal.aborted) drop();
    throw kukaiError(e, 'connect');
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
