import { requireSession } from '@/lib/auth/authenticate';
import { requestAction } from '@/lib/actions/service';
import { handler, json, readJson } from '@/lib/http';

/** The exact text a linked wallet signs to confirm an action (e.g. profile.update). */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  return json(await requestAction(await readJson(req), session));
});
