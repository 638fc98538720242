/** Maps Beacon's error types (also used by injected providers, see injected.ts) to WalletError codes. */
import { WalletError, type WalletErrorCode } from '../types';

const BEACON_CODES: Record<string, [WalletErrorCode, string]> = {
  ABORTED_ERROR: ['rejected', 'You cancelled the request in your wallet.'],
  NOT_GRANTED_ERROR: ['rejected', 'The wallet did not grant the request.'],
  NETWORK_NOT_SUPPORTED: ['wrong_network', 'Your wallet does not support this Tezos network.'],
  NO_ADDRESS_ERROR: ['no_account', 'The wallet has no account to use.'],
  NO_PRIVATE_KEY_FOUND_ERROR: ['no_account', 'The wallet no longer has the key of this account.'],
  SIGNATURE_TYPE_NOT_SUPPORTED: ['unsupported', 'The wallet cannot sign Micheline messages.'],
};

function beaconErrorType(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { errorType, message } = e as { errorType?: unknown; message?: unknown };
  if (typeof errorType === 'string') return errorType;
  // Beacon's thrown errors carry the type only in the message: "[ABORTED_ERROR]:The action was aborted by the user."
  return typeof message === 'string' ? /^\[([A-Z_]+)\]/.exec(message)?.[1] : undefined;
}

export function toWalletError(e: unknown, action: string): WalletError {
  if (e instanceof WalletError) return e;
  const known = BEACON_CODES[beaconErrorType(e) ?? ''];
  if (known) return new WalletError(known[0], known[1]);
  const detail = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : '';
  return new WalletError('failed', `The wallet could not ${action}${detail ? `: ${detail}` : '.'}`);
}

/** Only tz1/tz2/tz3 accounts can sign in (KT1 smart accounts and tz4 BLS cannot). */
export function requireImplicitAccount(address: unknown): string {
  if (typeof address !== 'string' || address === '') throw new WalletError('no_account', 'The wallet did not share an account.');
  if (!/^tz[123]/.test(address))
    throw new WalletError('unsupported', `${address.slice(0, 3)}… accounts cannot sign in; choose a tz1, tz2 or tz3 account.`);
  return address;
}
