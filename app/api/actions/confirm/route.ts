import { requireSession } from '@/lib/auth/authenticate';
import { confirmAction } from '@/lib/actions/service';
import { handler, json, readJson } from '@/lib/http';

/** Verifies the wallet's signature for exactly these parameters, then performs the action once. */
export const POST = handler(async (req: Request) => {
  const session = await requireSession(req);
  return json(await confirmAction(await readJson(req), session));
});
