/**
 * Fills a database with one big class for the readiness view: N students × a lesson of
 * pre-work activities (pages and quizzes) with known-shaped results, by direct batched inserts
 * (no HTTP, no per-row round trips). Deterministic for a given --seed.
 *
 *   node bench/seed-readiness.ts [--db ./data/bench-readiness.db | postgres://…] [--students 10000]
 *        [--activities 20] [--quizzes 5] [--items 10] [--seed 42] [--measure]
 *
 * Defaults: 10,000 students, 20 pre-work activities of which 5 quizzes × 10 items (50 items).
 * Prints one JSON line: what was made, how long it took, and the teacher's sign-in.
 * --measure then times GET /api/lessons/:id/readiness (service call and full HTTP request).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Insertable, type Kysely } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openDatabase, type Database } from '../src/server/db/database.ts';
import type { DB } from '../src/server/db/schema.ts';
import { newId } from '../src/server/lib/ids.ts';
import { hashPassword } from '../src/server/modules/auth/password.ts';
import { answerKey } from '../src/server/modules/readiness/quiz-item-results.ts';
import { round, summarise } from './lib/stats.ts';

export type SeedOptions = { students: number; activities: number; quizzes: number; itemsPerQuiz: number; seed: number };
export type SeedResult = {
  courseId: string;
  lessonId: string;
  teacher: { id: string; email: string; password: string };
  rows: Record<string, number>;
  /** Everything, including generating the rows and one password hash. */
  seconds: number;
  /** The inserts alone. */
  loadSeconds: number;
};

export const TEACHER_PASSWORD = 'bench-readiness-2026';

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Insert = <T extends keyof DB & string>(table: T, rows: Insertable<DB[T]>[]) => Promise<number>;

/**
 * Runs `fill` in one transaction with the fastest bulk insert each dialect offers: a prepared
 * statement run per row on SQLite (no SQL text to build), multi-row INSERTs on PostgreSQL sized
 * under its bound-parameter limit.
 */
async function bulkLoad(database: Database, fill: (insert: Insert) => Promise<void>): Promise<void> {
  const sqlite = database.sqlite;
  if (sqlite) {
    // A bench database: durability of each commit does not matter while loading it, and the rows
    // are consistent by construction, so foreign keys are not checked row by row.
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    const insert: Insert = async (table, rows) => {
      if (rows.length === 0) return 0;
      const columns = Object.keys(rows[0] as object);
      const statement = sqlite.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) statement.run(...columns.map((c) => (row as Record<string, unknown>)[c] as string | number | null));
      return rows.length;
    };
    sqlite.exec('begin');
    try {
      await fill(insert);
      sqlite.exec('commit');
    } catch (error) {
      sqlite.exec('rollback');
      throw error;
    } finally {
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
    }
    return;
  }
  await database.db.transaction().execute(async (trx: Kysely<DB>) => {
    // Rows consistent by construction: skip the per-row foreign-key triggers when allowed (superuser).
    await sql`savepoint bulk`.execute(trx);
    try {
      await sql`set local session_replication_role = replica`.execute(trx);
    } catch {
      await sql`rollback to savepoint bulk`.execute(trx);
    }
    await fill(async (table, rows) => {
      if (rows.length === 0) return 0;
      // INSERT … SELECT FROM unnest(one array per column): a few statements with a few huge
      // parameters, instead of thousands of rows of placeholders to parse and bind.
      const columns = Object.keys(rows[0] as object);
      const types = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(trx);
      const typeOf = new Map(types.rows.map((t) => [t.column_name, t.data_type]));
      for (let i = 0; i < rows.length; i += 20_000) {
        const slice = rows.slice(i, i + 20_000) as Record<string, unknown>[];
        const arrays = columns.map((c) => sql`${slice.map((row) => row[c] ?? null)}::${sql.raw(typeOf.get(c) ?? 'text')}[]`);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
      }
      return rows.length;
    });
  });
}

export async function seedReadiness(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rand = random(options.seed);
  const now = new Date();
  const at = now.toISOString();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const run = newId().slice(0, 8);
  // One real hash, shared: any seeded account can sign in with TEACHER_PASSWORD.
  const passwordHash = await hashPassword(TEACHER_PASSWORD);

  const teacher = { id: newId(), email: `teacher.${run}@bench.tandem.local`, name: 'Bench Teacher' };
  const courseId = newId();
  const lessonId = newId();
  const users: Insertable<DB['users']>[] = [{ id: teacher.id, email: teacher.email, name: teacher.name, password_hash: passwordHash, locale: 'en', time_zone: 'Europe/Paris', created_at: at, locked_until: null }];
  const members: Insertable<DB['course_members']>[] = [{ course_id: courseId, user_id: teacher.id, role: 'teacher', joined_at: at }];
  const studentIds: string[] = [];
  for (let i = 0; i < options.students; i++) {
    const id = newId();
    studentIds.push(id);
    users.push({ id, email: `s${i}.${run}@bench.tandem.local`, name: `Student ${String(i + 1).padStart(5, '0')}`, password_hash: passwordHash, locale: i % 3 === 0 ? 'fr' : 'en', time_zone: 'Europe/Paris', created_at: at, locked_until: null });
    members.push({ course_id: courseId, user_id: id, role: 'student', joined_at: at });
  }

  // Pre-work: quizzes spread among pages; each quiz item has its own difficulty.
  const quizEvery = Math.max(1, Math.floor(options.activities / Math.max(1, options.quizzes)));
  const activities: (Insertable<DB['activities']> & { items?: { id: string; answer: number; pRight: number }[] })[] = [];
  for (let i = 0, quizzes = 0; i < options.activities; i++) {
    const isQuiz = quizzes < options.quizzes && i % quizEvery === quizEvery - 1;
    const base = { id: newId(), course_id: courseId, lesson_id: lessonId, phase: 'pre' as const, position: i, opens_at: null, due_at: null, required: 1, closed: 0, created_at: at, updated_at: at };
    if (isQuiz) {
      quizzes += 1;
      const items = Array.from({ length: options.itemsPerQuiz }, (_, k) => ({ id: `q${quizzes}i${k + 1}`, answer: k % 4, pRight: 0.35 + 0.6 * rand() }));
      const content = {
        items: items.map((it, k) => ({ id: it.id, prompt: `Quiz ${quizzes}, question ${k + 1}`, kind: 'single', choices: ['A', 'B', 'C', 'D'], answer: it.answer })),
        attemptsAllowed: 1,
        showAnswersAfterSubmit: false,
      };
      activities.push({ ...base, type: 'quiz', title: `Quiz ${quizzes}`, estimated_minutes: 10, learning_type: 'practice', content: JSON.stringify(content), items });
    } else {
      activities.push({ ...base, type: 'page', title: `Reading ${i + 1}`, estimated_minutes: 5, learning_type: 'acquisition', content: JSON.stringify({ markdown: `# Reading ${i + 1}` }) });
    }
  }

  const responses: Insertable<DB['responses']>[] = [];
  const itemResults: Insertable<DB['quiz_item_results']>[] = [];
  const stuck: Insertable<DB['lesson_stuck']>[] = [];
  for (const userId of studentIds) {
    // 75% did everything, 15% part of it, 10% nothing.
    const kind = rand();
    if (kind < 0.1) continue;
    const partial = kind < 0.25;
    if (rand() < 0.02) stuck.push({ lesson_id: lessonId, user_id: userId, course_id: courseId, note: 'I am stuck on quiz 2', created_at: at, updated_at: at });
    for (const activity of activities) {
      if (partial && rand() < 0.5) continue;
      const responseId = newId();
      const submittedAt = ago(60 + Math.floor(rand() * 2000));
      const common = { id: responseId, activity_id: activity.id, user_id: userId, course_id: courseId, mode: 'async' as const, late: 0, submissions: '[]', feedback: null, feedback_at: null, feedback_by: null, revision: 1, created_at: submittedAt, updated_at: submittedAt };
      if (!activity.items) {
        const done = !partial || rand() < 0.7;
        responses.push({ ...common, status: done ? 'done' : 'in_progress', body: JSON.stringify({ done }), score: null, max_score: null, attempts: 0, submitted_at: null });
        continue;
      }
      const answers = activity.items.map((item) => (rand() < item.pRight ? item.answer : (item.answer + 1 + Math.floor(rand() * rand() * 3)) % 4));
      const score = answers.filter((a, k) => a === activity.items![k]!.answer).length;
      responses.push({ ...common, status: 'done', body: JSON.stringify({ answers }), score, max_score: answers.length, attempts: 1, submitted_at: submittedAt });
      activity.items.forEach((item, k) => {
        itemResults.push({
          response_id: responseId,
          item_id: item.id,
          item_index: k,
          activity_id: activity.id,
          user_id: userId,
          course_id: courseId,
          lesson_id: lessonId,
          correct: answers[k] === item.answer ? 1 : 0,
          answer_key: answerKey({ kind: 'single', prompt: '', choices: ['A', 'B', 'C', 'D'], answer: item.answer }, answers[k] ?? null),
          submitted_at: submittedAt,
        });
      });
    }
  }

  const questions: Insertable<DB['questions']>[] = [];
  const votes: Insertable<DB['question_votes']>[] = [];
  const questionCount = Math.min(300, Math.ceil(options.students / 30));
  for (let q = 0; q < questionCount; q++) {
    const id = newId();
    questions.push({ id, course_id: courseId, lesson_id: lessonId, activity_id: null, user_id: studentIds[Math.floor(rand() * studentIds.length)]!, text: `Question ${q + 1} about the pre-work?`, answered: 0, source: 'prework', hidden: 0, created_at: ago(q), updated_at: ago(q) });
    const voters = new Set<string>();
    const wanted = Math.floor(rand() * rand() * 40);
    while (voters.size < Math.min(wanted, studentIds.length)) voters.add(studentIds[Math.floor(rand() * studentIds.length)]!);
    for (const user_id of voters) votes.push({ question_id: id, user_id, created_at: at });
  }

  const rows: Record<string, number> = {};
  const startsAt = new Date(now.getTime() + 48 * 3_600_000).toISOString();
  const loading = performance.now();
  await bulkLoad(database, async (insert) => {
    rows.users = await insert('users', users);
    await insert('courses', [{ id: courseId, title: `Readiness bench ${run}`, description: '', join_code: `B${run.toUpperCase()}`.slice(0, 8), archived: 0, created_at: at, updated_at: at }]);
    rows.course_members = await insert('course_members', members);
    await insert('lessons', [{ id: lessonId, course_id: courseId, title: 'Photosynthesis (bench)', position: 0, created_at: at, updated_at: at }]);
    await insert('live_sessions', [
      { id: newId(), lesson_id: lessonId, course_id: courseId, series_id: null, starts_at: startsAt, duration_minutes: 60, time_zone: 'Europe/Paris', location: null, video_url: null, provider: null, status: 'scheduled', sequence: 0, created_by: teacher.id, created_at: at, updated_at: at },
    ]);
    rows.activities = await insert('activities', activities.map(({ items: _items, ...a }) => a));
    rows.responses = await insert('responses', responses);
    rows.quiz_item_results = await insert('quiz_item_results', itemResults);
    rows.questions = await insert('questions', questions);
    rows.question_votes = await insert('question_votes', votes);
    rows.lesson_stuck = await insert('lesson_stuck', stuck);
  });
  const loadSeconds = round((performance.now() - loading) / 1000, 2);
  // PostgreSQL's autovacuum would soon gather statistics and the visibility map after such a load; do it now.
  // Only the tables loaded here (names resolve in the current schema, as the inserts did).
  if (database.dialect === 'postgres') {
    for (const table of ['users', 'course_members', 'activities', 'responses', 'quiz_item_results', 'questions', 'question_votes', 'lesson_stuck']) {
      await sql`vacuum analyze ${sql.table(table)}`.execute(database.db);
    }
  }
  return { courseId, lessonId, teacher: { id: teacher.id, email: teacher.email, password: TEACHER_PASSWORD }, rows, seconds: round((performance.now() - started) / 1000, 2), loadSeconds };
}

/** Times the readiness of the seeded lesson: the service alone, then the whole HTTP request. */
export async function measureReadiness(database: Database, seeded: SeedResult, runs = 7) {
  const app = await buildApp({ ...loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', JOBS_POLLER: '0' }) }, { database, logger: false });
  await app.ready();
  try {
    const caller = { id: seeded.teacher.id, name: 'Bench Teacher', locale: 'en' as const };
    const service: number[] = [];
    // CPU time of this process: on SQLite it includes the queries, and is less sensitive to a busy machine.
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await app.services.readiness.readiness(seeded.lessonId, caller);
      const c1 = process.cpuUsage(c0);
      service.push(performance.now() - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { email: seeded.teacher.email, password: seeded.teacher.password } });
    const cookie = login.cookies.find((c) => c.name === 'tandem_session');
    if (!cookie) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const http: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/lessons/${seeded.lessonId}/readiness`, headers: { cookie: `tandem_session=${cookie.value}` } });
      http.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`readiness answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      bytes = res.body.length;
    }
    const ms = (values: number[]) => {
      const s = summarise(values.slice(1)); // the first run warms caches and the JIT
      return { min: round(s.min), median: round(s.median), max: round(s.max) };
    };
    return { serviceMs: ms(service), serviceCpuMs: ms(cpu), httpMs: ms(http), responseBytes: bytes, runs };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './data/bench-readiness.db' },
      students: { type: 'string', default: '10000' },
      activities: { type: 'string', default: '20' },
      quizzes: { type: 'string', default: '5' },
      items: { type: 'string', default: '10' },
      seed: { type: 'string', default: '42' },
      measure: { type: 'boolean', default: false },
    },
  });
  const database = openDatabase(values.db);
  try {
    await migrateToLatest(database);
    const seeded = await seedReadiness(database, {
      students: Number(values.students),
      activities: Number(values.activities),
      quizzes: Number(values.quizzes),
      itemsPerQuiz: Number(values.items),
      seed: Number(values.seed),
    });
    const measured = values.measure ? await measureReadiness(database, seeded) : undefined;
    console.log(JSON.stringify({ dialect: database.dialect, ...seeded, ...(measured ? { readiness: measured } : {}) }));
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
