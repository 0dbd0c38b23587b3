import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Database } from '../../src/server/db/database.ts';
import { freshPgSchema, tempDir } from '../live/live-bench.ts';
import { benchServices, enrol, seedPeople } from '../live/seed-live.ts';
import { startChild } from '../lib/procs.ts';
import { acrossRounds, round, summarise } from '../lib/stats.ts';
import { startTandem } from '../lib/tandem-server.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const log = (...args: unknown[]) => console.log('  ·', ...args);
const ITEMS = 10;

/** A course of `students`, and one pre-work quiz per round, due a minute from now (10 single-choice items). */
async function seed(database: Database, students: number, rounds: number) {
  const services = benchServices(database);
  const [teacher] = await seedPeople(database, 1, 't');
  const course = await services.courses.create(teacher!.id, { title: 'Deadline storm' });
  const lesson = await services.lessons.create(course.id, teacher!.id, { title: 'Before the deadline' });
  const people = await seedPeople(database, students, 's');
  await enrol(database, course.id, people);
  const quizIds: string[] = [];
  const answers = Array.from({ length: ITEMS }, (_, k) => k % 3);
  for (let r = 0; r < rounds; r++) {
    const quiz = await services.activities.create(lesson.id, teacher!.id, {
      phase: 'pre',
      type: 'quiz',
      title: `Quiz ${r + 1}`,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      content: { items: answers.map((answer, k) => ({ prompt: `Item ${k + 1}?`, kind: 'single', choices: ['A', 'B', 'C'], answer })) },
    });
    quizIds.push(quiz.id);
  }
  services.mailer.close();
  return { tokens: people.map((p) => p.token), quizIds, answers };
}

/** What the database holds for one quiz after its storm: exactly one graded response per student? */
async function check(database: Database, activityId: string) {
  const rows = await database.db.selectFrom('responses').select(['user_id', 'attempts', 'submissions', 'status', 'score']).where('activity_id', '=', activityId).execute();
  const items = await database.db.selectFrom('quiz_item_results').select((eb) => eb.fn.countAll<number>().as('n')).where('activity_id', '=', activityId).executeTakeFirstOrThrow();
  const submissions = rows.map((r) => (JSON.parse(r.submissions) as unknown[]).length);
  return {
    responses: rows.length,
    distinctStudents: new Set(rows.map((r) => r.user_id)).size,
    doubled: rows.filter((r) => Number(r.attempts) !== 1).length + submissions.filter((n) => n !== 1).length,
    graded: rows.filter((r) => r.status === 'done' && r.score !== null).length,
    itemResults: Number(items.n),
  };
}

async function stormOn(dialect: 'sqlite' | 'postgres', database: Database, databaseUrl: string, options: { students: number; rounds: number; spreadMs: number }) {
  const seeded = await seed(database, options.students, options.rounds);
  const server = await startTandem({ DATABASE_URL: databaseUrl }, `deadline-${dialect}`);
  const client = startChild(path.join(here, 'submitters.ts'));
  try {
    const rounds: { p50: number; p99: number; max: number; ok: number; statuses: Record<string, number>; retries: number; seconds: number; check: Awaited<ReturnType<typeof check>> }[] = [];
    for (let r = 0; r < options.rounds; r++) {
      client.send({ type: 'run', url: server.url, origin: server.url, activityId: seeded.quizIds[r], tokens: seeded.tokens, spreadMs: options.spreadMs, answers: seeded.answers });
      const done = await client.next<{ latencies: number[]; statuses: Record<string, number>; retries: number; seconds: number; error?: string }>('done', options.spreadMs + 120_000);
      if (done.error) throw new Error(done.error);
      const s = summarise(done.latencies);
      const stored = await check(database, seeded.quizIds[r]!);
      rounds.push({ p50: round(s.median), p99: round(s.p99), max: round(s.max), ok: done.statuses['200'] ?? 0, statuses: done.statuses, retries: done.retries, seconds: round(done.seconds, 1), check: stored });
      log(`deadline ${dialect} round ${r + 1}: ${done.statuses['200'] ?? 0} × 200, p99 ${round(s.p99)} ms; stored ${stored.responses}, doubled ${stored.doubled}`);
    }
    return {
      dialect,
      submissionsPerRound: options.students,
      spreadSeconds: options.spreadMs / 1000,
      medianMs: acrossRounds(rounds.map((r) => r.p50)),
      p99Ms: acrossRounds(rounds.map((r) => r.p99)),
      maxMs: acrossRounds(rounds.map((r) => r.max)),
      lost: rounds.reduce((s, r) => s + (options.students - r.check.responses), 0),
      doubled: rounds.reduce((s, r) => s + r.check.doubled, 0),
      non200: rounds.reduce((s, r) => s + (options.students - r.ok), 0),
      itemResultsExact: rounds.every((r) => r.check.itemResults === options.students * ITEMS),
      rounds,
    };
  } finally {
    await client.stop();
    await server.stop();
  }
}

/** 1,000 quiz submissions in a short window (compressed from the minute before a deadline to `spreadMs`). */
export async function deadlineBench(options: { students: number; rounds: number; spreadMs: number; pgUrl: string | undefined }) {
  const out: Record<string, unknown> = {};
  const dir = tempDir();
  const file = path.join(dir, 'deadline.db');
  const database = openDatabase(file);
  try {
    await migrateToLatest(database);
    out.sqlite = await stormOn('sqlite', database, file, options);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (options.pgUrl) {
    const fresh = await freshPgSchema(options.pgUrl);
    try {
      out.postgres = await stormOn('postgres', fresh.database, fresh.url, options);
    } finally {
      await fresh.drop();
    }
  } else out.postgres = { skipped: 'PostgreSQL unreachable' };
  void sql;
  return out;
}
