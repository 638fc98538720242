import { requireSession } from '@/lib/auth/authenticate';
import { requestAction } from '@/lib/actions/service';
import { handler, json, readJson } from '@/lib/http';
import { rateLimit } from '@/lib/rate-limit';

/** The exact text a linked wallet signs to confirm an action (e.g. profile.update). */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  const body = await readJson(req);
  await rateLimit(req, 'actions', { body, userId: session.userId });
  return json(await requestAction(body, session));
});
