import 'server-only';
/** The app's rate limiter, built once from the environment: `await rateLimit(req, 'verify', { body })` in a route. */
import { env } from '../env';
import { redis } from '../redis';
import { createRateLimiter, type LimitedKind, type LimitSubject } from './limiter';

const store = globalThis as unknown as { __walletgateRateLimiter?: ReturnType<typeof createRateLimiter> };

export function rateLimit(req: Request, kind: LimitedKind, subject?: LimitSubject): Promise<void> {
  const e = env();
  const check = (store.__walletgateRateLimiter ??= createRateLimiter({ limits: e.rateLimits, trustedProxy: e.trustedProxy, link: redis() }));
  return check(req.headers, kind, subject);
}
