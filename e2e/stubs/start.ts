/** Local stub upstreams for the e2e servers (loopback only). */
import { createServer } from 'node:http';
import { handleEth } from './eth-rpc';

const port = Number(process.env.STUB_PORT ?? 3190);

createServer((req, res) => {
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
}).listen(port, '127.0.0.1', () => console.log(`stub upstreams on http://127.0.0.1:${port}`));
