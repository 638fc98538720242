/**
 * Every third-party origin the browser may reach, by the connector that needs it — the one list the
 * Content-Security-Policy is built from (lib/http/security-headers.ts). Forking and adding a wallet? Add its
 * relay / iframe / API origins here under its connector, and nowhere else. Each entry names where it was read.
 */
export interface ConnectorOrigins {
  /** fetch / XHR / WebSocket targets (connect-src). */
  connect?: readonly string[];
  /** Origins the connector opens in an iframe (frame-src). */
  frame?: readonly string[];
  /** Wallet icons and QR images served by the wallet's own host (img-src). */
  img?: readonly string[];
}

/** WalletConnect v2 (@walletconnect/ethereum-provider; Beacon also opens it): the relay socket and its verify iframe. */
const WALLETCONNECT: ConnectorOrigins = {
  connect: ['wss://relay.walletconnect.org', 'wss://relay.walletconnect.com', 'https://rpc.walletconnect.org', 'https://pulse.walletconnect.org'],
  frame: ['https://verify.walletconnect.org', 'https://verify.walletconnect.com'],
};

export const WALLET_ORIGINS = {
  /**
   * Beacon 4.x: its Matrix relays (@airgap/beacon-transport-matrix P2PCommunicationClient.js REGIONS_AND_SERVERS,
   * reached as https://<server>), its metrics backend (@airgap/beacon-core) and the WalletConnect transport.
   */
  beacon: {
    connect: [
      ...['diamond', 'sky', 'hope', 'hope-2', 'hope-3', 'hope-4', 'hope-5'].map((n) => `https://beacon-node-1.${n}.papers.tech`),
      'https://beacon-node-2.sky.papers.tech',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `https://beacon-node-${n}.octez.io`),
      'https://beacon-backend.prod.gke.papers.tech',
      ...WALLETCONNECT.connect!,
    ],
    frame: WALLETCONNECT.frame,
  },
  /** kukai-embed 0.9 (dist/util.js networkToSrc): the embedded wallet iframe, mainnet and ghostnet. */
  kukaiEmbed: { frame: ['https://wallet.kukai.app', 'https://ghostnet.kukai.app'] },
  walletConnect: WALLETCONNECT,
  /** NEAR Connect (@hot-labs/near-connect NearConnector.js defaultManifests): the wallet manifest and executors. */
  nearConnect: { connect: ['https://raw.githubusercontent.com', 'https://cdn.jsdelivr.net'] },
} as const satisfies Record<string, ConnectorOrigins>;

/** All origins of one kind, de-duplicated, in a stable order. */
export function originsOf(kind: keyof ConnectorOrigins, table: Record<string, ConnectorOrigins> = WALLET_ORIGINS): string[] {
  return [...new Set(Object.values(table).flatMap((o) => o[kind] ?? []))];
}
