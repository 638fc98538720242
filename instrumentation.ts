/**
 * Runs once when the server starts: validate the configuration and the gate rules now, so a bad value stops the
 * start with a message that names it instead of failing the first request.
 */
export async function register() {
  // Not while building: production secrets belong to the running server, not to `next build`.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./lib/env');
  const { gateRules } = await import('./lib/gate/gate');
  env();
  gateRules();
}
