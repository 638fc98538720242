/**
 * fetch with a hard timeout and strict status handling, for RPCs and indexers. Any failure throws
 * UpstreamError, so callers fail closed. No retries here: the holdings cache coalesces and the user can retry.
 */
import type { Endpoint } from '../chains/types';

export class UpstreamError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UpstreamError';
    this.status = status;
  }
}

export interface FetchJsonOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function fetchJson(endpoint: Endpoint, path: string, opts: FetchJsonOptions = {}): Promise<unknown> {
  const url = new URL(path, endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`);
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers: { accept: 'application/json', ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal,
    });
  } catch (cause) {
    const timedOut = timeout.aborted;
    throw new UpstreamError(timedOut ? `${url.host} did not answer in ${endpoint.timeoutMs} ms` : `${url.host} is unreachable`, undefined, { cause });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new UpstreamError(`${url.host} answered ${res.status}`, res.status);
  }
  try {
    return await res.json();
  } catch (cause) {
    throw new UpstreamError(`${url.host} answered with something that is not JSON`, res.status, { cause });
  }
}

let rpcId = 0;

/** One JSON-RPC 2.0 call; an error object or a missing result throws UpstreamError. */
export async function jsonRpc(endpoint: Endpoint, method: string, params: unknown, signal?: AbortSignal): Promise<unknown> {
  const body = await fetchJson(endpoint, '', { body: { jsonrpc: '2.0', id: ++rpcId, method, params }, signal });
  if (typeof body !== 'object' || body === null) throw new UpstreamError(`${method}: not a JSON-RPC answer`);
  const { result, error } = body as { result?: unknown; error?: { message?: string; code?: number } };
  if (error !== undefined) throw new RpcError(method, error);
  if (result === undefined) throw new UpstreamError(`${method}: no result`);
  return result;
}

/** A JSON-RPC error object: the node answered, and said no. Callers may read `rpc` (e.g. NEAR UNKNOWN_ACCESS_KEY). */
export class RpcError extends UpstreamError {
  readonly rpc: { message?: string; code?: number; name?: string; cause?: unknown; data?: unknown };
  constructor(method: string, rpc: RpcError['rpc']) {
    super(`${method}: ${rpc.message ?? 'RPC error'}`);
    this.name = 'RpcError';
    this.rpc = rpc;
  }
}
