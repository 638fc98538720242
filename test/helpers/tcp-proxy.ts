/**
 * A TCP proxy in front of a real Redis, so a test can make "Redis" go away or hang without stopping the shared
 * server: `kill()` closes every connection and refuses new ones; `stall()` keeps connections open but forwards
 * nothing (a Redis that stopped answering); `restore()` forwards again.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  kill(): Promise<void>;
  stall(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let stalled = false;
  let listening = false;
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.on('data', (d) => (stalled ? undefined : upstream.write(d)));
    upstream.on('data', (d) => (stalled ? undefined : client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (p: number) => new Promise<number>((resolve) => server.listen(p, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  const actual = await listen(port);
  listening = true;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });
  return {
    port: actual,
    url: `redis://127.0.0.1:${actual}`,
    kill: stop,
    stall: () => void (stalled = true),
    async restore() {
      stalled = false;
      if (!listening) {
        await listen(actual);
        listening = true;
      }
    },
    close: stop,
  };
}
