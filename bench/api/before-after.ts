/**
 * GET /api/me/work, one tree against another on the same seeded data, side by side: a server from
 * an older commit (exported into a directory, `git archive <commit> bin src | tar -x -C <dir>`,
 * with node_modules linked) and the current one, rounds alternating (A B, B A…), 100 connections,
 * plus the bare baseline in each round. For before/after figures on a shared machine, where
 * runs minutes apart are not comparable.
 *
 *   node bench/api/before-after.ts <dir-of-old-tree> [sqlite|postgres] [rounds=5]
 */
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
const [oldTree, dialect = 'sqlite', roundsArg = '5'] = process.argv.slice(2);
if (!oldTree) throw new Error('usage: node bench/api/before-after.ts <dir-of-old-tree> [sqlite|postgres] [rounds]');
const rounds = Number(roundsArg);
const shape = { courses: 10, perCourse: 30, classmates: 100 };
type Cannon = { requestsPerSecond: number; latency: { median: number; p99: number }; errors: number; non2xx: number; error?: string };

async function cannon(child: Child, url: string, headers: Record<string, string>, seconds: number): Promise<Cannon> {
  child.send({ type: 'run', url, headers, connections: 100, seconds });
  const result = await child.next<Cannon>('done', (seconds + 30) * 1000);
  if (result.error) throw new Error(result.error);
  return result;
}

/** The older tree refuses a database that ran migrations it does not know: take them back out. */
async function forgetNewerMigrations(database: { db: import('kysely').Kysely<any> }): Promise<void> {
  const known = new Set(fs.readdirSync(path.join(path.resolve(oldTree!), 'src/server/db/migrations')).map((f) => f.replace(/\.ts$/, '')));
  const ran = await database.db.selectFrom('kysely_migration').select('name').execute();
  for (const { name } of ran) {
    if (known.has(name)) continue;
    if (name === '20261125_0007_work_index') await sql`drop index responses_user_work_idx`.execute(database.db);
    else throw new Error(`do not know how to undo migration ${name}`);
    await database.db.deleteFrom('kysely_migration').where('name', '=', name).execute();
  }
}

const dir = tempDir();
const servers: TandemServer[] = [];
let bare: Child | undefined;
let drop: (() => Promise<void>) | undefined;
const load = startChild(path.join(here, 'cannon.ts'));
try {
  let urls: { before: string; after: string };
  let token: string;
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'before.db');
    const database = openDatabase(file);
    await migrateToLatest(database);
    token = (await seedWork(database, shape)).student.token;
    await database.close();
    // The same rows for both.
    fs.copyFileSync(file, path.join(dir, 'after.db'));
    const older = openDatabase(file);
    await forgetNewerMigrations(older);
    await older.close();
    urls = { before: file, after: path.join(dir, 'after.db') };
  } else {
    // Two schemas seeded alike: the current tree's additive migration stays out of the older one's.
    const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const a = await freshPgSchema(pgUrl);
    const b = await freshPgSchema(pgUrl);
    token = (await seedWork(a.database, shape)).student.token;
    await sql`analyze`.execute(a.database.db);
    // The same people, sessions and ids in both: copy every table (in dependency order) from a.
    const tables = ['users', 'sessions', 'courses', 'course_members', 'lessons', 'activities', 'responses'];
    for (const table of tables) await sql.raw(`insert into ${b.schema}.${table} select * from ${a.schema}.${table}`).execute(a.database.db);
    await sql`analyze`.execute(b.database.db);
    await forgetNewerMigrations(a.database);
    drop = async () => {
      await a.drop();
      await b.drop();
    };
    urls = { before: a.url, after: b.url };
  }
  const before = await startTandem({ DATABASE_URL: urls.before }, `before-${dialect}`, path.resolve(oldTree));
  servers.push(before);
  const after = await startTandem({ DATABASE_URL: urls.after }, `after-${dialect}`);
  servers.push(after);
  const headers = { cookie: `tandem_session=${token}` };
  const bodies = await Promise.all([before, after].map(async (s) => (await fetch(`${s.url}/api/me/work`, { headers })).text()));
  const strip = (t: string) => t.replace(/"now":"[^"]*"/, '');
  console.log(`bodies: ${bodies.map((b) => b.length).join(' / ')} bytes, ${strip(bodies[0]!) === strip(bodies[1]!) ? 'identical' : 'DIFFERENT'}`);
  fs.writeFileSync(path.join(dir, 'work.json'), bodies[1]!);
  bare = startChild(path.join(here, 'bare-fastify.ts'), [path.join(dir, 'work.json')]);
  const { port } = await bare.next<{ port: number }>('ready');
  const sides = { before: `${before.url}/api/me/work`, after: `${after.url}/api/me/work`, bare: `http://127.0.0.1:${port}/api/me/work` } as const;
  for (const url of Object.values(sides)) await cannon(load, url, headers, 1);
  const got: Record<keyof typeof sides, Cannon>[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['before', 'after', 'bare'] as const) : (['bare', 'after', 'before'] as const);
    const one: Partial<Record<keyof typeof sides, Cannon>> = {};
    for (const side of order) one[side] = await cannon(load, sides[side], headers, 3);
    got.push(one as Record<keyof typeof sides, Cannon>);
    console.log(`round ${r + 1}: before ${Math.round(one.before!.requestsPerSecond)} req/s p99 ${one.before!.latency.p99} ms; after ${Math.round(one.after!.requestsPerSecond)} req/s p99 ${one.after!.latency.p99} ms; bare ${Math.round(one.bare!.requestsPerSecond)} req/s p99 ${one.bare!.latency.p99} ms`);
  }
  const fmt = (a: { min: number; median: number; max: number }) => `${a.min} / ${a.median} / ${a.max}`;
  for (const side of ['before', 'after', 'bare'] as const) {
    console.log(`${side}: req/s ${fmt(acrossRounds(got.map((g) => round(g[side].requestsPerSecond, 0))))}; p99 ${fmt(acrossRounds(got.map((g) => g[side].latency.p99)))} ms; median ${fmt(acrossRounds(got.map((g) => g[side].latency.median)))} ms; failures ${got.reduce((s, g) => s + g[side].errors + g[side].non2xx, 0)}`);
  }
  for (const side of ['before', 'after'] as const) console.log(`${side} ÷ bare: ${fmt(acrossRounds(got.map((g) => round(g[side].requestsPerSecond / g.bare.requestsPerSecond, 3))))}`);
  console.log(`after ÷ before: ${fmt(acrossRounds(got.map((g) => round(g.after.requestsPerSecond / g.before.requestsPerSecond, 2))))}`);
} finally {
  await load.stop();
  await bare?.stop();
  for (const s of servers) await s.stop();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
