import { requireSession } from '@/lib/auth/authenticate';
import { confirmAction } from '@/lib/actions/service';
import { handler, json, readJson } from '@/lib/http';
import { rateLimit } from '@/lib/rate-limit';

/** Verifies the wallet's signature for exactly these parameters, then performs the action once. */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  const body = await readJson(req);
  await rateLimit(req, 'actions', { body, userId: session.userId });
  return json(await confirmAction(body, session));
});
