/** The stub upstreams' HTTP server: started by start.ts for the e2e web servers, or in-process by a spec. */
import { createServer, type Server } from 'node:http';
import { handleEth } from './eth-rpc';

export function startStubServer(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        if (req.url === '/health') return void res.end('ok');
        if (req.url?.startsWith('/eth')) return handleEth(req, res, body);
        res.writeHead(404).end();
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
