/**
 * One error type with a stable code, and one table from code to HTTP status.
 * Framework-agnostic: the verification core returns these codes, the route handlers map them to statuses.
 */
export const ERROR_STATUS = {
  malformed_input: 400,
  unsupported_chain: 400,
  invalid_message: 422,
  domain_mismatch: 422,
  uri_mismatch: 422,
  wrong_network: 422,
  unsupported_address: 422,
  not_yet_valid: 422,
  invalid_callback_url: 422,
  invalid_signature: 401,
  address_mismatch: 401,
  key_not_authorized: 401,
  unauthenticated: 401,
  forbidden: 403,
  forbidden_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  nonce_mismatch: 409,
  expired: 409,
  wallet_taken: 409,
  last_wallet: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra response headers (e.g. Retry-After on rate_limited). */
  readonly headers?: Record<string, string>;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.headers = options?.headers;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthand used by verifiers: `fail('invalid_signature', 'The signature does not match.')`. */
export function fail(code: ErrorCode, message: string, cause?: unknown): never {
  throw new AppError(code, message, cause === undefined ? undefined : { cause });
}
