// docs/examples/server.ts — the core behind a plain node:http server: POST /nonce, then POST /verify.
import { createServer, type IncomingMessage } from 'node:http';
import { createSignInRequest, verifySignIn } from '../../lib/auth/core';
import { ERROR_STATUS, isAppError } from '../../lib/errors';
import { freshRequest, rp } from './relying-party';

const issued = new Map<string, { message: string; expiresAt: number }>(); // use your database in production

async function readJson(req: IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of req) if ((text += chunk).length > 65_536) throw new Error('too large');
  return JSON.parse(text);
}

export const server = createServer(async (req, res) => {
  const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  try {
    const body = await readJson(req);
    if (req.method === 'POST' && req.url === '/nonce') {
      const request = freshRequest();
      const { message, signing } = createSignInRequest(rp, { chain: body.chain, address: body.address, ...request });
      issued.set(request.nonce, { message, expiresAt: request.expiresAt.getTime() });
      return reply(200, { message, signing });
    }
    if (req.method !== 'POST' || req.url !== '/verify') return reply(404, { error: { code: 'not_found' } });
    const result = await verifySignIn(body, {
      ...rp,
      // Called only once the signature is proven: spend the nonce (atomically, in a real store).
      consumeNonce: async (nonce, _account, message) => {
        const entry = issued.get(nonce);
        issued.delete(nonce);
        return entry !== undefined && entry.message === message && entry.expiresAt > Date.now();
      },
    });
    if (!result.ok) return reply(ERROR_STATUS[result.code], { error: { code: result.code, message: result.message } });
    return reply(200, { account: result.account }); // start your session here
  } catch (e) {
    // createSignInRequest throws AppError on a bad chain or address; anything else is a bad body.
    if (isAppError(e)) return reply(e.status, { error: { code: e.code, message: e.message } });
    return reply(400, { error: { code: 'malformed_input', message: 'Send a JSON body.' } });
  }
});
