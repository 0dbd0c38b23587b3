import path from 'node:path';
import WebSocket from 'ws';
import { startChild, type Child } from '../lib/procs.ts';
import { monoMs } from '../lib/stats.ts';
import { countReceived, mergeReceipts, shards, type FanoutTarget, type Receipts } from './target.ts';

const here = path.dirname(new URL(import.meta.url).pathname);

export type BareWsTarget = FanoutTarget & { idleRss(): number };

export function bareWsTarget(payload: object, options: { perProcess?: number } = {}): BareWsTarget {
  let server: Child | undefined;
  let clients: Child[] = [];
  let teacher: WebSocket | undefined;
  let idle = Number.NaN;
  const rss = async () => {
    server!.send({ type: 'memory' });
    return (await server!.next<{ rss: number }>('memory')).rss;
  };
  return {
    name: 'bare ws',
    async setup(students) {
      server = startChild(path.join(here, 'bare-ws-server.ts'));
      const { port } = await server.next<{ port: number }>('ready');
      idle = await rss();
      const url = `ws://127.0.0.1:${port}`;
      clients = shards(students, options.perProcess).map((n) => startChild(path.join(here, 'bare-ws-clients.ts'), [url, String(n)]));
      await Promise.all(clients.map((c) => c.next('ready')));
      teacher = new WebSocket(url);
      await new Promise((resolve) => teacher!.once('open', resolve));
    },
    async send(seq) {
      const text = JSON.stringify({ seq, ...payload });
      const t0 = monoMs();
      teacher!.send(text);
      return t0;
    },
    received: () => countReceived(clients),
    async collect(): Promise<Receipts> {
      for (const c of clients) c.send({ type: 'collect' });
      const parts = await Promise.all(clients.map((c) => c.next<{ results: Record<string, { last: number; received: number }> }>('results')));
      return mergeReceipts(parts.map((p) => p.results));
    },
    serverRss: rss,
    idleRss: () => idle,
    async teardown() {
      teacher?.close();
      await Promise.all(clients.map((c) => c.stop()));
      await server?.stop();
    },
  };
}
