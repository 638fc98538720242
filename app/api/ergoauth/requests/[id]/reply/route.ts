import { walletReply } from '@/lib/ergoauth/requests';
import { handler, json, readJson } from '@/lib/http';

// The phone wallet posts {signedMessage, proof} here (the request's replyTo). It learns only "received".
export const POST = handler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await walletReply((await ctx.params).id, await readJson(req));
  return json({ received: true });
});
