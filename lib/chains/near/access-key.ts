/**
 * Binds a key to a named account: `query` / `view_access_key` at final finality must show a FullAccess key.
 * NEP-413 requires a full-access key; a function-call key can be created by any dApp the user ever used,
 * so accepting one would let that dApp (or whoever stole its key) sign in as the user.
 */
import { fail } from '../../errors';
import { RpcError, UpstreamError, jsonRpc } from '../../net/fetch-json';
import type { Endpoint } from '../types';

/** nearcore's error causes for a key or account that does not exist. */
const MISSING_CAUSES = new Set(['UNKNOWN_ACCESS_KEY', 'UNKNOWN_ACCOUNT']);

function notAuthorized(accountId: string): never {
  fail('key_not_authorized', `This key is not a full-access key of ${accountId}.`);
}

function unavailable(detail: string, cause?: unknown): never {
  fail('unavailable', `Could not check the key with the NEAR RPC (${detail}).`, cause);
}

async function viewAccessKey(rpc: Endpoint, accountId: string, publicKey: string): Promise<unknown> {
  try {
    return await jsonRpc(rpc, 'query', { request_type: 'view_access_key', finality: 'final', account_id: accountId, public_key: publicKey });
  } catch (e) {
    if (e instanceof RpcError) {
      const cause = (e.rpc.cause as { name?: unknown } | undefined)?.name;
      if (typeof cause === 'string' && MISSING_CAUSES.has(cause)) notAuthorized(accountId);
      unavailable(typeof cause === 'string' ? cause : e.message, e);
    }
    if (e instanceof UpstreamError) unavailable(e.message, e);
    throw e;
  }
}

/** Throws AppError unless `publicKey` is a FullAccess key of `accountId`. */
export async function requireFullAccessKey(rpc: Endpoint, accountId: string, publicKey: string): Promise<void> {
  const result = await viewAccessKey(rpc, accountId, publicKey);
  if (typeof result !== 'object' || result === null) unavailable('not an access key view');
  const view = result as { error?: unknown; permission?: unknown };
  // Older nodes answer a missing key inside the result: { error: "access key … does not exist while viewing" }.
  if (typeof view.error === 'string') {
    if (/does not exist/i.test(view.error)) notAuthorized(accountId);
    unavailable(view.error);
  }
  if (view.permission === 'FullAccess') return;
  // FunctionCall, and gas keys (GasKeyFunctionCall / GasKeyFullAccess): not a plain full-access key.
  if (typeof view.permission === 'object' && view.permission !== null) {
    const kind = Object.keys(view.permission)[0] ?? 'unknown';
    fail('key_not_authorized', `This is a ${kind} key of ${accountId}; sign-in needs a full-access key.`);
  }
  unavailable('unexpected access key answer');
}
