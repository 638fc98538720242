import { requireSession } from '@/lib/auth/authenticate';
import { gatedContent } from '@/lib/gate/members-api';
import { handler, json } from '@/lib/http';

/** The members-only data as JSON, behind the same gate as /members: 401 anonymous, 403 not holding, 503 unknown. */
export const GET = handler(async (req: Request) => json(await gatedContent((await requireSession(req)).userId)));
