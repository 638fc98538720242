/**
 * The EIP-12 dApp connector boundary (what Nautilus injects): `window.ergoConnector.<wallet>` to connect, then the
 * context API (`getContext()` or `window.ergo`). EIP-28 `auth` sits on the context where the wallet offers it.
 * Wallet errors are `{ code, info }`: APIError Refused = -3; sign_data's DataSignError UserDeclined = 3
 * (AddressNotPK = 2); auth's SignError UserDeclined = 2.
 */
import { WalletError } from '../types';

export interface Eip12Context {
  get_change_address(): Promise<string>;
  get_used_addresses(paginate?: unknown): Promise<string[]>;
  sign_data(address: string, message: string): Promise<string>;
  auth?(address: string, message: string): Promise<{ signedMessage: string; proof: string }>;
}

export interface Eip12Connector {
  connect(options?: { createErgoObject?: boolean }): Promise<boolean>;
  isConnected(): Promise<boolean>;
  getContext?(): Promise<Eip12Context>;
  disconnect?(): Promise<boolean>;
}

declare global {
  interface Window {
    ergoConnector?: Record<string, Eip12Connector | undefined>;
    ergo?: Eip12Context;
  }
}

const API_REFUSED = -3;
const DECLINED_CODES = { connect: [API_REFUSED], sign_data: [API_REFUSED, 3], auth: [API_REFUSED, 2] } as const;
const DATA_SIGN_ADDRESS_NOT_PK = 2;

type Call = keyof typeof DECLINED_CODES;

const infoOf = (e: unknown) =>
  typeof e === 'object' && e !== null && 'info' in e ? String((e as { info: unknown }).info) : e instanceof Error ? e.message : String(e);

/** Turns whatever an EIP-12 wallet threw into a WalletError the UI can say in words. */
export function toWalletError(e: unknown, call: Call, walletName: string): WalletError {
  if (e instanceof WalletError) return e;
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if ((DECLINED_CODES[call] as readonly unknown[]).includes(code))
    return new WalletError('rejected', call === 'connect' ? `${walletName} did not allow the connection.` : `You declined to sign in ${walletName}.`);
  if (call === 'sign_data' && code === DATA_SIGN_ADDRESS_NOT_PK)
    return new WalletError('unsupported', 'This address is not a P2PK address, so it cannot sign.');
  return new WalletError('failed', `${walletName}: ${infoOf(e)}`);
}
