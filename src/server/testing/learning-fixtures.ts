import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { TestClient } from './test-app.ts';

/** Creates a lesson as the given teacher and returns it (throws on failure). */
export async function createLesson(teacher: TestClient, courseId: string, title = 'Photosynthesis') {
  const res = await teacher.post(`/api/courses/${courseId}/lessons`, { title });
  if (res.status !== 201) throw new Error(`lesson failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.lesson as { id: string; title: string; courseId: string };
}

/** Creates an activity (phase 'pre' unless given) and returns it. */
export async function createActivity(teacher: TestClient, lessonId: string, body: Record<string, unknown>) {
  const res = await teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'pre', title: `A ${String(body.type)}`, ...body });
  if (res.status !== 201) throw new Error(`activity failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.activity as { id: string; type: string; content: any };
}

const TABLES = ['lessons', 'activities', 'responses', 'questions', 'question_votes', 'discussion_posts', 'uploads', 'notifications', 'outbox'] as const;

/**
 * A fingerprint of everything the async-learning tables hold (row counts and each row's
 * content), to assert that a refused request changed nothing.
 */
export async function snapshot(database: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    const lines = rows.rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, String(r[k])]))).sort();
    parts.push(`${table}:${lines.length}:${lines.join('|')}`);
  }
  return parts.join('\n');
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
