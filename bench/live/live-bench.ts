import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Database } from '../../src/server/db/database.ts';
import { bareWsTarget } from '../fanout/bare-ws-target.ts';
import { compareFanout } from '../fanout/run-fanout.ts';
import { sleep } from '../lib/procs.ts';
import { acrossRounds, round } from '../lib/stats.ts';
import { startTandem, type TandemServer } from '../lib/tandem-server.ts';
import { seedLive, type LiveSeed } from './seed-live.ts';
import { tandemTarget, type TandemTarget } from './tandem-target.ts';

const log = (...args: unknown[]) => console.log('  ·', ...args);

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
}

/** Median of a few RSS samples, a little apart (RSS jitters). */
async function rssSample(read: () => number | Promise<number>, samples = 5, gapMs = 100): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    values.push(await read());
    await sleep(gapMs);
  }
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Answer storm: the teacher opens a poll; every student answers it at a random instant within
 * one second; we time from the last answer sent to the teacher's receipt of the final count,
 * then check the database holds exactly one live response per student for that poll.
 */
async function answerStorm(target: TandemTarget, seed: LiveSeed, database: Database, students: number, rounds: number) {
  const perRound: { finalMs: number; stormMs: number; acked: number; refused: Record<string, number>; teacherUpdates: number; stored: number; distinct: number; maxRevision: number }[] = [];
  const teacher = target.teacher();
  for (let r = 0; r < rounds; r++) {
    const activityId = seed.pollIds[r % seed.pollIds.length]!;
    const opened = await teacher.send({ type: 'poll.open', activityId });
    if (!opened.ok) throw new Error(`poll.open refused: ${opened.error.code}`);
    const deadline = Date.now() + 10_000;
    while (!teacher.opened.has(activityId) && Date.now() < deadline) await sleep(20);
    const pollId = teacher.opened.get(activityId);
    if (!pollId) throw new Error('the teacher never saw the poll open');
    teacher.opened.delete(activityId);
    await sleep(700); // every student has the poll on screen
    teacher.results = [];
    for (const c of target.clients()) c.send({ type: 'answer', pollId, spreadMs: 1000, choices: 4 });
    const answered = await Promise.all(target.clients().map((c) => c.next<{ firstSent: number; lastSent: number; ok: number; refused: Record<string, number> }>('answered', 60_000)));
    const firstSent = Math.min(...answered.map((a) => a.firstSent));
    const lastSent = Math.max(...answered.map((a) => a.lastSent));
    const acked = answered.reduce((s, a) => s + a.ok, 0);
    const refused: Record<string, number> = {};
    for (const a of answered) for (const [code, n] of Object.entries(a.refused)) refused[code] = (refused[code] ?? 0) + n;
    const until = Date.now() + 30_000;
    let final: { t: number } | undefined;
    while (!(final = teacher.results.find((x) => x.pollId === pollId && x.total >= students)) && Date.now() < until) await sleep(10);
    const rows = await database.db
      .selectFrom('responses')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('user_id').distinct().as('distinct'), eb.fn.max('revision').as('max_revision')])
      .where('activity_id', '=', activityId)
      .where('mode', '=', 'live')
      .executeTakeFirstOrThrow();
    perRound.push({
      finalMs: final ? round(final.t - lastSent) : Number.NaN,
      stormMs: final ? round(final.t - firstSent) : Number.NaN,
      acked,
      refused,
      teacherUpdates: teacher.results.filter((x) => x.pollId === pollId).length,
      stored: Number(rows.n),
      distinct: Number(rows.distinct),
      maxRevision: Number(rows.max_revision),
    });
    log(`storm round ${r + 1}: final count ${perRound.at(-1)!.finalMs} ms after the last answer; ${acked} acked; stored ${rows.n}`);
  }
  return {
    students,
    rounds: perRound,
    finalCountAfterLastAnswerMs: acrossRounds(perRound.map((p) => p.finalMs)),
    firstAnswerToFinalCountMs: acrossRounds(perRound.map((p) => p.stormMs)),
    teacherUpdatesPerStorm: acrossRounds(perRound.map((p) => p.teacherUpdates)),
    everyAnswerStoredOnce: perRound.every((p) => p.acked === students && p.stored === students && p.distinct === students && p.maxRevision === 1),
  };
}

export type LiveOptions = { students: number; rounds: number; messages: number; perSecond: number; fanout: boolean; storm: boolean; memory: boolean; perProcess?: number };

/** One node, SQLite: fan-out against bare ws, memory per student, answer storm. */
export async function liveOneNode(options: LiveOptions) {
  const dir = tempDir();
  const file = path.join(dir, 'live.db');
  const database = openDatabase(file);
  const servers: TandemServer[] = [];
  let subject: TandemTarget | undefined;
  let baseline: ReturnType<typeof bareWsTarget> | undefined;
  try {
    await migrateToLatest(database);
    const t0 = performance.now();
    const seed = await seedLive(database, options.students, { polls: options.rounds });
    log(`seeded ${options.students} students in ${round((performance.now() - t0) / 1000, 1)} s`);
    servers.push(await startTandem({ DATABASE_URL: file }));
    const server = servers[0]!;
    const idleRss = await rssSample(() => server.rss());
    subject = tandemTarget(servers, seed, { perProcess: options.perProcess ?? 500 });
    const joining = performance.now();
    await subject.setup(options.students);
    const joinSeconds = round((performance.now() - joining) / 1000, 1);
    log(`${options.students} students joined in ${joinSeconds} s`, JSON.stringify(subject.joinLatencies()));
    const result: Record<string, unknown> = { students: options.students, joinSeconds, joinLatencies: subject.joinLatencies() };

    if (options.fanout || options.memory) {
      // The baseline broadcasts exactly what a student receives for poll.opened.
      await subject.send(0);
      await sleep(1000);
      await subject.collect();
      const sample = JSON.parse(await subject.sample()) as Record<string, unknown>;
      baseline = bareWsTarget(sample, { perProcess: options.perProcess ?? 500 });
      await baseline.setup(options.students);
      const rss = { tandem: [] as number[], bare: [] as number[] };
      const fanout = await compareFanout(baseline, subject, {
        students: options.students,
        messages: options.messages,
        perSecond: options.perSecond,
        rounds: options.rounds,
        afterRound: async (r) => {
          rss.tandem.push(await rssSample(() => server.rss(), 3));
          rss.bare.push(await rssSample(() => baseline!.serverRss(), 3));
          log(`fan-out round ${r + 1} done`);
        },
      });
      if (options.fanout) result.fanout = { ...fanout, teacherRefusals: subject.teacher().refusals, payloadBytes: JSON.stringify(sample).length };
      if (options.memory) {
        const perStudent = (values: number[], idle: number) => acrossRounds(values.map((v) => round((v - idle) / options.students / 1024, 1)));
        result.memory = {
          students: options.students,
          idleRssMiB: { tandem: round(idleRss / 2 ** 20, 1), bare: round(baseline.idleRss() / 2 ** 20, 1) },
          connectedRssMiB: { tandem: acrossRounds(rss.tandem.map((v) => round(v / 2 ** 20, 1))), bare: acrossRounds(rss.bare.map((v) => round(v / 2 ** 20, 1))) },
          perStudentKiB: { tandem: perStudent(rss.tandem, idleRss), bare: perStudent(rss.bare, baseline.idleRss()) },
        };
      }
      await baseline.teardown();
      baseline = undefined;
    }
    if (options.storm) result.storm = await answerStorm(subject, seed, database, options.students, options.rounds);
    return result;
  } finally {
    await baseline?.teardown().catch(() => undefined);
    await subject?.teardown().catch(() => undefined);
    await sleep(1000); // the students' departures are written before the server stops
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether PostgreSQL and Redis answer on 127.0.0.1 (the multi-node part is skipped otherwise). */
export async function clusterServicesUp(pgUrl: string, redisUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    return `PostgreSQL unreachable at ${pgUrl}: ${String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const { createClient } = await import('redis');
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis unreachable at ${redisUrl}: ${String(error)}`;
  } finally {
    await redis.quit().catch(() => undefined);
  }
  return undefined;
}

/** A fresh PostgreSQL schema, migrated; its URL pins search_path so every node works in it. */
export async function freshPgSchema(pgUrl: string) {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(pgUrl, { schema, poolSize: 4 });
  await migrateToLatest(database);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    database,
    async drop() {
      await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
      await database.close();
    },
  };
}

/** N nodes on PostgreSQL + Redis, `perNode` students on each, all in one room; vs bare ws at the same total. */
export async function liveCluster(options: { nodes: number; perNode: number; rounds: number; messages: number; perSecond: number; pgUrl: string; redisUrl: string }) {
  const fresh = await freshPgSchema(options.pgUrl);
  const servers: TandemServer[] = [];
  let subject: TandemTarget | undefined;
  let baseline: ReturnType<typeof bareWsTarget> | undefined;
  const total = options.nodes * options.perNode;
  try {
    const seed = await seedLive(fresh.database, total, { polls: 1 });
    for (let n = 0; n < options.nodes; n++) servers.push(await startTandem({ DATABASE_URL: fresh.url, REDIS_URL: options.redisUrl }, `node${n + 1}`));
    subject = tandemTarget(servers, seed, { perProcess: options.perNode });
    const joining = performance.now();
    await subject.setup(total);
    const joinSeconds = round((performance.now() - joining) / 1000, 1);
    log(`${total} students joined ${options.nodes} nodes in ${joinSeconds} s`);
    await subject.send(0);
    await sleep(1500);
    await subject.collect();
    const sample = JSON.parse(await subject.sample()) as Record<string, unknown>;
    baseline = bareWsTarget(sample, { perProcess: 1000 });
    await baseline.setup(total);
    const fanout = await compareFanout(baseline, subject, { students: total, messages: options.messages, perSecond: options.perSecond, rounds: options.rounds, afterRound: async (r) => log(`cluster round ${r + 1} done`) });
    return { nodes: options.nodes, perNode: options.perNode, joinSeconds, fanout, teacherRefusals: subject.teacher().refusals };
  } finally {
    await baseline?.teardown().catch(() => undefined);
    await subject?.teardown().catch(() => undefined);
    await sleep(2000); // the students' departures are written (and sent over Redis) before the nodes stop
    await Promise.all(servers.map((s) => s.stop()));
    await fresh.drop().catch(() => undefined);
  }
}
