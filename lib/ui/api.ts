/** The browser's calls to our API: JSON in, JSON out, errors as ApiError with the contract's stable code. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export async function api<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 'Can’t reach the server — check your connection and try again.', 0);
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) {
    const error = data?.error ?? { code: 'server', message: `The server answered ${res.status}.` };
    if (res.status === 429) throw new ApiError('rate_limited', tooManyAttempts(res.headers.get('retry-after')), 429);
    throw new ApiError(error.code, error.message, res.status);
  }
  return data as T;
}

/** The words for a 429, from its Retry-After (seconds; a proxy may send an HTTP date instead). */
export function tooManyAttempts(retryAfter: string | null, now = Date.now()): string {
  const seconds = /^\d+$/.test(retryAfter ?? '') ? Number(retryAfter) : Math.ceil((Date.parse(retryAfter ?? '') - now) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? `Too many attempts — try again in ${seconds} s.` : 'Too many attempts — try again in a moment.';
}
