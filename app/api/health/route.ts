/**
 * Readiness: 200 once the database answers (the first call opens it and applies pending migrations), 503 while it
 * cannot. For load balancers and uptime checks; the test harness waits on it so no test pays for a cold start.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { handler, json } from '@/lib/http';

export const GET = handler(async () => {
  try {
    await (await db()).$queryRaw`SELECT 1`;
  } catch {
    throw new AppError('unavailable', 'The database cannot be reached.');
  }
  return json({ status: 'ok' });
});
