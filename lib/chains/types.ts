/**
 * The documented interfaces every chain implements. Adding a chain = one folder under lib/chains/<id>/
 * plus one line in each typed Record<ChainId, …> map (registry, verifiers, holdings, connectors).
 */
import type { SignInMessage } from '../auth/message';

export const CHAIN_IDS = ['ethereum', 'cardano', 'near', 'tezos', 'ergo'] as const;
export type ChainId = (typeof CHAIN_IDS)[number];

export const isChainId = (v: unknown): v is ChainId =>
  typeof v === 'string' && (CHAIN_IDS as readonly string[]).includes(v);

/** The network each chain is configured for (env: ETHEREUM_CHAIN_ID, CARDANO_NETWORK, …). */
export interface ChainNetworks {
  ethereum: number; // EIP-155 chain id
  cardano: 'mainnet' | 'preprod' | 'preview';
  near: 'mainnet' | 'testnet';
  tezos: 'mainnet' | 'ghostnet';
  ergo: 'mainnet' | 'testnet';
}

/** A remote endpoint a server-side module may call (JSON-RPC or REST). Always with a timeout. */
export interface Endpoint {
  url: string;
  timeoutMs: number;
}

// ---------------------------------------------------------------------------------------------
// Server: verifier (signature + key/address binding). No I/O except the injected endpoint.
// ---------------------------------------------------------------------------------------------

/** What a wallet returns, exactly as in the HTTP contract (POST /api/auth/verify). */
export interface SignInInput {
  chain: ChainId;
  address: string;
  message: string;
  signature: string;
  publicKey?: string;
  /** Chain-specific extras from the body (e.g. Ergo `form`), unknown fields included; verifiers read what they need. */
  extras?: Record<string, unknown>;
}

export interface VerifyContext<C extends ChainId = ChainId> {
  input: SignInInput;
  /** The claimed address, already normalised by `normalizeAddress` and equal to the message's address. */
  address: string;
  /** The parsed message; domain, URI, chain id, nonce and times were already checked (chain-agnostic code). */
  message: SignInMessage;
  network: ChainNetworks[C];
  /** The app's origin (`APP_URL`) and host; some envelopes bind them (NEP-413 recipient, Ergo auth origin). */
  origin: string;
  domain: string;
  now: Date;
  /** RPC for the chains whose binding needs one (NEAR access keys, Ethereum ERC-1271/6492). */
  rpc?: Endpoint;
}

export interface ChainVerifier<C extends ChainId = ChainId> {
  chain: C;
  /** CAIP-2 reference of the network, written in the message's `Chain ID:` line (e.g. '1', 'mainnet'). */
  chainReference(network: ChainNetworks[C]): string;
  /** Validates and normalises an address for the network. Throws AppError `malformed_input` or `wrong_network`. */
  normalizeAddress(address: string, network: ChainNetworks[C]): string;
  /** Parameters the wallet needs besides the text (returned as `signing` by POST /api/auth/nonce). */
  signingParams(message: string, parsed: SignInMessage, ctx: { domain: string; origin: string }): Record<string, unknown>;
  /** Checks the signature over the exact message and binds the key to the address. Throws AppError. */
  verify(ctx: VerifyContext<C>): Promise<void>;
  /** A wallet's own sign-in text accepted beside the CAIP-122 one (Tezos: Kukai's JSON template). */
  walletTemplate?: WalletTemplate;
}

/** What a wallet's own sign-in template states; the core checks these against the app like a CAIP-122 message. */
export interface WalletTemplateClaims {
  /** Which template (e.g. 'kukai'). */
  form: string;
  /** The page origin the wallet signed for, with scheme. */
  origin: string;
  /** The network name the wallet signed for, compared with the configured one. */
  network: string;
  address: string;
  publicKey: string;
  nonce: string;
  requestId: string;
  /** The wallet's clock when it signed. */
  signedAt: Date;
}

export interface WalletTemplate {
  /** null when `message` is not this template; throws AppError when it is one but malformed. */
  read(message: string): WalletTemplateClaims | null;
  /** Checks the signature over the exact bytes of `input.message` and binds the key to the address. Throws AppError. */
  verify(ctx: { input: SignInInput; claims: WalletTemplateClaims; address: string }): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Server: holdings (balance of one asset for one address).
// ---------------------------------------------------------------------------------------------

export interface ChainAssets {
  ethereum: { standard: 'erc20' | 'erc721' | 'erc1155'; contract: string; tokenId?: string };
  cardano: { policyId: string; assetName?: string };
  near: { standard: 'nep171' | 'nep141'; contract: string };
  tezos: { standard: 'fa2' | 'fa1.2'; contract: string; tokenId?: string };
  ergo: { tokenId: string };
}

export type Asset<C extends ChainId = ChainId> = ChainAssets[C];

export interface HoldingsSource<C extends ChainId = ChainId> {
  chain: C;
  /** Balance of `asset` held by `address`, in base units. Throws on any upstream failure: the gate fails closed. */
  balance(address: string, asset: Asset<C>, signal: AbortSignal): Promise<bigint>;
}

// ---------------------------------------------------------------------------------------------
// Browser: connector (loaded on demand with import(), never in the server render).
// ---------------------------------------------------------------------------------------------

export interface WalletOption {
  id: string;
  name: string;
  /** data: URL or same-origin path. */
  icon?: string;
  kind: 'injected' | 'demo' | 'remote';
  /** Set when the wallet is known but not installed: the UI shows an install link instead of connecting. */
  installUrl?: string;
  /** Set when the wallet cannot tell its address (ErgoAuth phone wallets): the UI asks for it and passes it on. */
  needsAddress?: { label: string; placeholder?: string };
}

/** What the server returned from POST /api/auth/nonce. */
export interface SignRequest {
  message: string;
  signing: Record<string, unknown>;
}

/** What goes into POST /api/auth/verify besides chain/address/message. */
export interface SignedPayload {
  signature: string;
  /** The text signed, when the wallet signs its own template rather than the request's message (Kukai). */
  message?: string;
  publicKey?: string;
  extras?: Record<string, unknown>;
}

export interface ConnectedWallet {
  walletId: string;
  address: string;
  sign(request: SignRequest, options?: ConnectOptions): Promise<SignedPayload>;
  /** Calls back with the wallet's new address when the user switches account; returns an unsubscribe function. */
  watchAccount?(onChange: (address: string | null) => void): () => void;
  disconnect?(): Promise<void>;
}

/** Public configuration the page hands to connectors (from the server's validated env). */
export interface ConnectorContext {
  networks: ChainNetworks;
  appName: string;
  /** The app's origin (APP_URL). */
  origin: string;
  /** Offer the in-browser demo wallet (a real key kept in localStorage). */
  demoWallets: boolean;
  walletConnectProjectId?: string;
}

/** Something a wallet on another device needs the page to show: a QR code and the same link for this device. */
export interface RemoteView {
  /** The URI to encode (wc:…, ergoauth://…). */
  uri: string;
  /** What to do, in words ("Scan with your phone's Ergo wallet"). */
  title: string;
  hint?: string;
}

/** What the sign-in flow hands a connector: a signal that aborts on Cancel, timeout or a change of chain. */
export interface ConnectOptions {
  signal: AbortSignal;
  /** Show (or, with null, hide) a QR code and link for a wallet on another device. */
  present(view: RemoteView | null): void;
  /** The address the person typed, for a wallet option with `needsAddress`. */
  address?: string;
}

export interface WalletConnector {
  chain: ChainId;
  /** Wallets found in this browser (plus known wallets with an install link, plus the demo wallet when enabled). */
  listWallets(): Promise<WalletOption[]>;
  connect(walletId: string, options?: ConnectOptions): Promise<ConnectedWallet>;
}

/** Each chain's connector.ts default-exports one of these; it is loaded with import() after the chain is chosen. */
export type CreateConnector = (ctx: ConnectorContext) => WalletConnector;

/** localStorage key of a chain's demo wallet secret. */
export const demoWalletStorageKey = (chain: ChainId) => `walletgate.demo-wallet.${chain}`;

/** Wallet-side failures, said in words by the UI. */
export type WalletErrorCode = 'rejected' | 'no_wallet' | 'wrong_network' | 'no_account' | 'unsupported' | 'failed' | 'cancelled' | 'timeout';

export class WalletError extends Error {
  readonly code: WalletErrorCode;
  constructor(code: WalletErrorCode, message: string) {
    super(message);
    this.name = 'WalletError';
    this.code = code;
  }
}
