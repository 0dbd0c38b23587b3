import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { seedClass } from '../testing/seed-class.ts';
import { HttpClient, startServer } from '../testing/server-process.ts';

/**
 * Issue 8, "load held": N students submit a quiz within one window before its deadline, against
 * one real server process (its own OS process; SQLite file by default). Some autosave a draft
 * first and submit it, some double-click (two submits at once, same submissionId), some retry
 * after their answer arrived. Nothing may be lost, nothing counted twice.
 *
 * Used by `quiz-deadline.test.ts` (short, in npm test) and reusable by the benchmark suite for the
 * long version: `runQuizDeadline({ students: 1000, windowMs: 60_000 })`, or through the test with
 * LOAD_STUDENTS=1000 LOAD_WINDOW_MS=60000.
 */
export type QuizDeadlineOptions = {
  students: number;
  /** Submits are spread uniformly over this window (the minute before the deadline). */
  windowMs: number;
  /** A postgres:// URL or a SQLite path; default a fresh SQLite file in the temp directory. */
  databaseUrl?: string;
  /** Extra environment for the server process (e.g. LOG_LEVEL). */
  serverEnv?: Record<string, string>;
};

export type QuizDeadlineResult = {
  students: number;
  windowMs: number;
  /** HTTP requests sent (drafts, submits, double clicks and retries). */
  requests: number;
  /** Non-2xx answers or network errors, with what they were. */
  failures: string[];
  /** Students with no stored submission although they got a 2xx. */
  lost: string[];
  /** Students with more than one row, more than one attempt, or a submissionId logged twice. */
  duplicated: string[];
  /** Students whose stored answers or score differ from what they sent. */
  wrong: string[];
  /** Latency of each student's first submit, in milliseconds. */
  latency: { p50: number; p95: number; p99: number; max: number };
  /** Wall time from the first submit to the last answer. */
  durationMs: number;
};

const ITEMS = [
  { prompt: '2 + 2?', kind: 'single', choices: ['3', '4', '5'], answer: 1 },
  { prompt: 'Primes below 6?', kind: 'multiple', choices: ['1', '2', '3', '4', '5'], answer: [1, 2, 4] },
  { prompt: 'Capital of France?', kind: 'text', answer: ['Paris'] },
  { prompt: 'Half of 7?', kind: 'numeric', answer: { value: 3.5, tolerance: 0 } },
];
/** Student i gets item j right when bit j of i is 0: scores vary and are checkable. */
const answersFor = (i: number) => [i & 1 ? 0 : 1, i & 2 ? [1] : [1, 2, 4], i & 4 ? 'Lyon' : 'Paris', i & 8 ? 3 : 3.5];
const scoreFor = (i: number) => ITEMS.length - [1, 2, 4, 8].filter((bit) => i & bit).length;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runQuizDeadline(options: QuizDeadlineOptions): Promise<QuizDeadlineResult> {
  const tmp = options.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-load-'));
  const databaseUrl = options.databaseUrl ?? path.join(tmp!, 'load.db');
  const seeding = openDatabase(databaseUrl, { poolSize: 2 });
  await migrateToLatest(seeding);
  const cls = await seedClass(seeding, options.students);
  await seeding.close();

  const server = await startServer({ DATABASE_URL: databaseUrl, ...options.serverEnv }, { name: 'load target' });
  try {
    const teacher = new HttpClient(server.url, cls.teacher.cookie);
    const lesson = await teacher.post(`/api/courses/${cls.courseId}/lessons`, { title: 'Deadline' });
    if (lesson.status !== 201) throw new Error(`lesson: ${lesson.status} ${JSON.stringify(lesson.body)}`);
    const dueAt = new Date(Date.now() + options.windowMs + 5 * 60_000).toISOString();
    const quiz = await teacher.post(`/api/lessons/${lesson.body.lesson.id}/activities`, { phase: 'pre', type: 'quiz', title: 'Before the deadline', dueAt, content: { items: ITEMS } });
    if (quiz.status !== 201) throw new Error(`quiz: ${quiz.status} ${JSON.stringify(quiz.body)}`);
    const quizId = quiz.body.activity.id as string;

    let requests = 0;
    const failures: string[] = [];
    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    const call = async (client: HttpClient, method: 'PUT' | 'POST', url: string, body: unknown, what: string) => {
      requests += 1;
      try {
        const res = await client.request(method, url, body);
        if (res.status !== 200) failures.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res;
      } catch (error) {
        failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };

    const started = Date.now();
    await Promise.all(
      cls.students.map(async (student, i) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * options.windowMs));
        const client = new HttpClient(server.url, student.cookie);
        const submissionId = crypto.randomUUID();
        const submitUrl = `/api/activities/${quizId}/submit`;
        // A third autosave a draft and submit it as saved; the others submit their answers directly.
        const draftFirst = i % 3 === 0;
        if (draftFirst) await call(client, 'PUT', `/api/activities/${quizId}/response`, { answers: answersFor(i) }, `draft ${i}`);
        const body = draftFirst ? { submissionId } : { answers: answersFor(i), submissionId };
        const t0 = performance.now();
        // One in ten double-clicks: two submits at once with the same submissionId.
        const first = await Promise.all([call(client, 'POST', submitUrl, body, `submit ${i}`), ...(i % 10 === 5 ? [call(client, 'POST', submitUrl, body, `double ${i}`)] : [])]);
        latencies.push(performance.now() - t0);
        if (first.every((res) => res?.status === 200)) acknowledged.add(student.id);
        // One in ten retries after the answer came (a lost response, a reload): same submissionId.
        if (i % 10 === 7) await call(client, 'POST', submitUrl, body, `retry ${i}`);
      }),
    );
    const durationMs = Date.now() - started;

    const check = openDatabase(databaseUrl, { poolSize: 2 });
    try {
      const rows = await check.db.selectFrom('responses').select(['user_id', 'body', 'attempts', 'submissions', 'score', 'status', 'late']).where('activity_id', '=', quizId).execute();
      // Readiness reads the per-item results: each submission must have left one row per item.
      const items = await check.db.selectFrom('quiz_item_results').select('user_id').where('activity_id', '=', quizId).execute();
      const itemsByUser = new Map<string, number>();
      for (const { user_id } of items) itemsByUser.set(user_id, (itemsByUser.get(user_id) ?? 0) + 1);
      const byUser = new Map<string, typeof rows>();
      for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
      const lost: string[] = [];
      const duplicated: string[] = [];
      const wrong: string[] = [];
      cls.students.forEach((student, i) => {
        const mine = byUser.get(student.id) ?? [];
        const row = mine[0];
        if (!row || row.status !== 'done') {
          if (acknowledged.has(student.id)) lost.push(student.name);
          return;
        }
        const log = JSON.parse(row.submissions) as { submissionId: string }[];
        if (mine.length > 1 || Number(row.attempts) !== 1 || log.length !== 1) duplicated.push(`${student.name}: ${mine.length} rows, ${row.attempts} attempts, ${log.length} logged`);
        if (JSON.stringify(JSON.parse(row.body).answers) !== JSON.stringify(answersFor(i)) || Number(row.score) !== scoreFor(i) || Number(row.late) !== 0) {
          wrong.push(`${student.name}: ${row.body} score ${row.score} late ${row.late}`);
        }
        if (itemsByUser.get(student.id) !== ITEMS.length) wrong.push(`${student.name}: ${itemsByUser.get(student.id) ?? 0} item results`);
      });
      const sorted = latencies.sort((a, b) => a - b);
      return {
        students: options.students,
        windowMs: options.windowMs,
        requests,
        failures,
        lost,
        duplicated,
        wrong,
        latency: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
        durationMs,
      };
    } finally {
      await check.close();
    }
  } finally {
    await server.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
