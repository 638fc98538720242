import { z } from 'zod';
import { requireSession } from '@/lib/auth/authenticate';
import { setDemoHolding } from '@/lib/gate/demo-actions';
import { handler, json, readJson } from '@/lib/http';
import { parseBody } from '@/lib/validate';
import { rateLimit } from '@/lib/rate-limit';

const body = z.object({ action: z.enum(['grant', 'remove']), ruleId: z.string().max(64).optional(), walletId: z.string().max(64).optional() });

/** Demo mode only: grant or remove the demo token on one of the signed-in person's own wallets. */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  await rateLimit(req, 'demo', { userId: session.userId });
  const input = parseBody(body, await readJson(req));
  return json(await setDemoHolding(session, input));
});
