/**
 * HTTP edges shared by route handlers: JSON body reading (415 / 413 / 400) and the error answer
 * `{"error": {"code", "message"}}` with the status from lib/errors.ts. An unexpected error is logged and is a 500.
 */
import { NextResponse } from 'next/server';
import { env } from './env';
import { AppError, isAppError } from './errors';
import { assertSameOrigin } from './http/origin';

export const MAX_BODY_BYTES = 64 * 1024;

export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'The body is larger than 64 KiB.');
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError('payload_too_large', 'The body is larger than 64 KiB.');
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('malformed_input', 'The body is not valid JSON.');
  }
}

export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status, headers: { ...e.headers, ...noStore } });
  console.error('walletgate: unexpected error', e);
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500, headers: noStore });
}

export const noStore = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export interface HandlerOptions {
  /** 'app' (default): a state-changing request must come from APP_URL's origin (lib/http/origin.ts); 'any': no check. */
  origin?: 'app' | 'any';
}

/** Wraps a handler so every failure becomes the contract's error shape, after the origin check. */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>, options: HandlerOptions = {}) {
  return async (...args: A): Promise<Response> => {
    try {
      if (options.origin !== 'any' && args[0] instanceof Request) assertSameOrigin(args[0], env().appUrl);
      return await fn(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: noStore });
