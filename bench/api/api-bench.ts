import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../src/server/db/database.ts';
import { freshPgSchema, tempDir } from '../live/live-bench.ts';
import { startChild, type Child } from '../lib/procs.ts';
import { acrossRounds, round } from '../lib/stats.ts';
import { startTandem, type TandemServer } from '../lib/tandem-server.ts';
import { seedWork } from './seed-work.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const log = (...args: unknown[]) => console.log('  ·', ...args);

type Cannon = { requestsPerSecond: number; total: number; latency: { median: number; p99: number; max: number }; errors: number; timeouts: number; non2xx: number; bytesPerRequest: number; error?: string };

/** One load-generating run in the autocannon process (a process apart from both servers). */
async function cannon(child: Child, url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<Cannon> {
  child.send({ type: 'run', url, headers, connections, seconds });
  const result = await child.next<Cannon>('done', (seconds + 30) * 1000);
  if (result.error) throw new Error(result.error);
  return result;
}

/**
 * GET /api/me/work under 100 connections (autocannon, in its own process) against a bare Fastify
 * route returning the same JSON from memory, alternating the sides round by round.
 */
async function compare(dialect: 'sqlite' | 'postgres', databaseUrl: string, options: { rounds: number; seconds: number; connections: number }, studentToken: string) {
  let tandem: TandemServer | undefined;
  let bare: Child | undefined;
  const load = startChild(path.join(here, 'cannon.ts'));
  const dir = tempDir();
  try {
    tandem = await startTandem({ DATABASE_URL: databaseUrl }, `api-${dialect}`);
    const headers = { cookie: `tandem_session=${studentToken}` };
    const first = await fetch(`${tandem.url}/api/me/work`, { headers });
    if (first.status !== 200) throw new Error(`GET /api/me/work answered ${first.status}`);
    const text = await first.text();
    const items = (['overdue', 'dueSoon', 'later', 'done'] as const).reduce((s, k) => s + (JSON.parse(text) as Record<string, unknown[]>)[k]!.length, 0);
    fs.writeFileSync(path.join(dir, 'work.json'), text);
    bare = startChild(path.join(here, 'bare-fastify.ts'), [path.join(dir, 'work.json')]);
    const { port } = await bare.next<{ port: number }>('ready');
    const sides = { tandem: `${tandem.url}/api/me/work`, bare: `http://127.0.0.1:${port}/api/me/work` };
    // Warm-up, not counted.
    await cannon(load, sides.bare, headers, options.connections, 1);
    await cannon(load, sides.tandem, headers, options.connections, 1);
    const rounds: { tandem: Cannon; bare: Cannon }[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const order = r % 2 === 0 ? (['bare', 'tandem'] as const) : (['tandem', 'bare'] as const);
      const got: Partial<Record<'tandem' | 'bare', Cannon>> = {};
      for (const side of order) got[side] = await cannon(load, sides[side], headers, options.connections, options.seconds);
      rounds.push({ tandem: got.tandem!, bare: got.bare! });
      log(`api ${dialect} round ${r + 1}: Tandem ${Math.round(got.tandem!.requestsPerSecond)} req/s p99 ${got.tandem!.latency.p99} ms; bare ${Math.round(got.bare!.requestsPerSecond)} req/s`);
    }
    const side = (k: 'tandem' | 'bare') => ({
      requestsPerSecond: acrossRounds(rounds.map((r) => round(r[k].requestsPerSecond, 0))),
      medianMs: acrossRounds(rounds.map((r) => r[k].latency.median)),
      p99Ms: acrossRounds(rounds.map((r) => r[k].latency.p99)),
      failures: rounds.reduce((s, r) => s + r[k].errors + r[k].timeouts + r[k].non2xx, 0),
    });
    return {
      dialect,
      items,
      responseBytes: Buffer.byteLength(text),
      connections: options.connections,
      secondsPerRound: options.seconds,
      tandem: side('tandem'),
      bare: side('bare'),
      throughputRatio: acrossRounds(rounds.map((r) => round(r.tandem.requestsPerSecond / r.bare.requestsPerSecond, 3))),
    };
  } finally {
    await load.stop();
    await bare?.stop();
    await tandem?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function apiBench(options: { rounds: number; seconds: number; connections: number; pgUrl: string | undefined }) {
  const shape = { courses: 10, perCourse: 30, classmates: 100 };
  const out: Record<string, unknown> = {};
  {
    const dir = tempDir();
    const file = path.join(dir, 'work.db');
    const database = openDatabase(file);
    try {
      await migrateToLatest(database);
      const seeded = await seedWork(database, shape);
      log(`seeded My work (SQLite): ${seeded.activities} activities`);
      await database.close();
      out.sqlite = await compare('sqlite', file, options, seeded.student.token);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (options.pgUrl) {
    const fresh = await freshPgSchema(options.pgUrl);
    try {
      const seeded = await seedWork(fresh.database, shape);
      // Statistics, as autovacuum would have gathered them long before on a live database: the
      // tables were just bulk-filled, and without them the planner takes every table for empty
      // (and autovacuum may analyse them in the middle of a round).
      await sql`analyze`.execute(fresh.database.db);
      log(`seeded My work (PostgreSQL): ${seeded.activities} activities`);
      out.postgres = await compare('postgres', fresh.url, options, seeded.student.token);
    } finally {
      await fresh.drop();
    }
  } else out.postgres = { skipped: 'PostgreSQL unreachable' };
  return { shape, ...out };
}
