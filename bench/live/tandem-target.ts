import path from 'node:path';
import { startChild, type Child } from '../lib/procs.ts';
import { monoMs } from '../lib/stats.ts';
import type { TandemServer } from '../lib/tandem-server.ts';
import { countReceived, mergeReceipts, shards, type FanoutTarget, type Receipts } from '../fanout/target.ts';
import type { LiveSeed } from './seed-live.ts';
import { BenchTeacher } from './teacher.ts';

const here = path.dirname(new URL(import.meta.url).pathname);

export type TandemTarget = FanoutTarget & {
  teacher(): BenchTeacher;
  clients(): Child[];
  /** Seconds the students took to connect and join, per client process. */
  joinSeconds(): number[];
  /** Per client process: time to connect (handshake) and to get the join ack, median / p99 / max. */
  joinLatencies(): object[];
  /** A `poll.opened` exactly as a student received it (the baseline broadcasts the same bytes). */
  sample(): Promise<string>;
};

/**
 * Tandem's side of the fan-out: the teacher (here, in the driver) opens one quiz item per
 * message; students on `servers` (spread evenly, in client processes) record its receipt.
 */
export function tandemTarget(servers: TandemServer[], seed: LiveSeed, options: { perProcess?: number; concurrency?: number } = {}): TandemTarget {
  let teacher: BenchTeacher | undefined;
  let clients: Child[] = [];
  let joins: number[] = [];
  let latencies: object[] = [];
  return {
    name: servers.length > 1 ? `Tandem ×${servers.length} nodes` : 'Tandem',
    async setup(students) {
      teacher = new BenchTeacher(servers[0]!.url, seed.teacher.token);
      await teacher.join(seed.lessonId);
      const tokens = seed.students.slice(0, students).map((s) => s.token);
      const perNode = Math.ceil(tokens.length / servers.length);
      const plans: { url: string; tokens: string[] }[] = [];
      servers.forEach((server, n) => {
        const mine = tokens.slice(n * perNode, (n + 1) * perNode);
        let offset = 0;
        for (const size of shards(mine.length, options.perProcess ?? 500)) {
          plans.push({ url: server.url, tokens: mine.slice(offset, offset + size) });
          offset += size;
        }
      });
      clients = plans.map(() => startChild(path.join(here, 'tandem-clients.ts')));
      plans.forEach((plan, i) => clients[i]!.send({ type: 'init', url: plan.url, lessonId: seed.lessonId, tokens: plan.tokens, concurrency: options.concurrency ?? 50 }));
      const ready = await Promise.all(clients.map((c) => c.next<{ joined: number; failed: number; errors: string[]; seconds: number; connectMs: object; joinMs: object }>('ready', 300_000)));
      joins = ready.map((r) => r.seconds);
      latencies = ready.map((r) => ({ connectMs: r.connectMs, joinMs: r.joinMs }));
      const failed = ready.reduce((s, r) => s + r.failed, 0);
      if (failed > 0) throw new Error(`${failed} students could not join: ${ready.flatMap((r) => r.errors).join('; ')}`);
    },
    async send(seq) {
      const t0 = monoMs();
      teacher!.fire({ type: 'poll.open', activityId: seed.quizId, itemIndex: seq % seed.quizItems });
      return t0;
    },
    received: () => countReceived(clients),
    async collect(): Promise<Receipts> {
      for (const c of clients) c.send({ type: 'collect' });
      const parts = await Promise.all(clients.map((c) => c.next<{ results: Record<string, { last: number; received: number }> }>('results')));
      return mergeReceipts(parts.map((p) => p.results));
    },
    async serverRss() {
      return servers[0]!.rss();
    },
    async teardown() {
      teacher?.close();
      await Promise.all(clients.map((c) => c.stop()));
    },
    teacher: () => teacher!,
    clients: () => clients,
    joinSeconds: () => joins,
    joinLatencies: () => latencies,
    async sample() {
      clients[0]!.send({ type: 'sample' });
      const { sample } = await clients[0]!.next<{ sample: string | undefined }>('sample');
      if (!sample) throw new Error('no poll.opened received yet');
      return sample;
    },
  };
}
