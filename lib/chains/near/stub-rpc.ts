/**
 * Test helper: a local NEAR JSON-RPC stub on 127.0.0.1 (port 0). Each test sets `answer` to decide the reply
 * and reads `calls` to see what was asked. Not imported by app code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubReply = { status?: number; json?: unknown; raw?: string } | 'hang';

export interface StubRpc {
  url: string;
  calls: Array<{ method: string; params: Record<string, unknown> }>;
  answer: (call: { method: string; params: Record<string, unknown> }) => StubReply;
  close(): Promise<void>;
}

export const rpcResult = (result: unknown): StubReply => ({ json: { jsonrpc: '2.0', id: 1, result } });
export const rpcError = (causeName: string, info: Record<string, unknown> = {}): StubReply => ({
  json: { jsonrpc: '2.0', id: 1, error: { name: 'HANDLER_ERROR', cause: { name: causeName, info }, code: -32000, message: 'Server error', data: causeName } },
});

export async function startStubRpc(): Promise<StubRpc> {
  const hanging = new Set<import('node:http').ServerResponse>();
  const stub: StubRpc = { url: '', calls: [], answer: () => ({ status: 500 }), close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      let call = { method: '', params: {} as Record<string, unknown> };
      try {
        const parsed = JSON.parse(body) as { method: string; params: Record<string, unknown> };
        call = { method: parsed.method, params: parsed.params };
      } catch {
        /* the answer function sees an empty call */
      }
      stub.calls.push(call);
      const reply = stub.answer(call);
      if (reply === 'hang') return void hanging.add(res);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.raw ?? JSON.stringify(reply.json ?? null));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return stub;
}
