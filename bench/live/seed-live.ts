import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { newId } from '../../src/server/lib/ids.ts';
import { hashToken, SESSION_TTL_MS } from '../../src/server/modules/auth/auth.service.ts';
import { createSessionsRepository } from '../../src/server/modules/auth/sessions.repository.ts';
import { createServices } from '../../src/server/services.ts';
import { insertMany } from '../lib/bulk.ts';

export type SeededUser = { id: string; token: string };

/** Courses, lessons and activities go through the real services (valid content); people are bulk-loaded. */
export function benchServices(database: Database) {
  return createServices(database, loadConfig({ TANDEM_DEMO: '0', JOBS_POLLER: '0', LOG_LEVEL: 'silent' }));
}

/**
 * Accounts with a signed-in session each, written straight to the database (sign-up hashing is
 * deliberately slow): users and memberships in bulk, sessions through the sessions repository
 * with a known token. No password works for them.
 */
export async function seedPeople(database: Database, count: number, prefix: string): Promise<SeededUser[]> {
  const at = new Date().toISOString();
  const run = newId().slice(0, 6);
  const people = Array.from({ length: count }, () => ({ id: newId(), token: crypto.randomBytes(32).toString('base64url') }));
  const users: Insertable<DB['users']>[] = people.map((p, i) => ({
    id: p.id,
    email: `${prefix}${i}.${run}@bench.tandem.local`,
    name: `${prefix === 't' ? 'Teacher' : 'Student'} ${String(i + 1).padStart(5, '0')}`,
    password_hash: 'bench-no-password',
    locale: i % 3 === 0 ? 'fr' : 'en',
    time_zone: 'Europe/Paris',
    created_at: at,
    locked_until: null,
  }));
  await insertMany(database, 'users', users);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  await database.db.transaction().execute(async (trx) => {
    const sessions = createSessionsRepository(trx);
    for (const p of people) await sessions.insert({ id: hashToken(p.token), userId: p.id, now: at, expiresAt });
  });
  return people;
}

export async function enrol(database: Database, courseId: string, students: SeededUser[]): Promise<void> {
  const at = new Date().toISOString();
  await insertMany(database, 'course_members', students.map((s) => ({ course_id: courseId, user_id: s.id, role: 'student' as const, joined_at: at })));
}

export type LiveSeed = { courseId: string; lessonId: string; quizId: string; quizItems: number; pollIds: string[]; teacher: SeededUser; students: SeededUser[] };

/**
 * A course with `students` students and a lesson whose live session starts in two minutes: a
 * live quiz of `quizItems` single-choice items (each item opened is one fan-out message, its
 * index the sequence number) and `polls` live polls (one per answer storm).
 */
export async function seedLive(database: Database, students: number, options: { quizItems?: number; polls?: number } = {}): Promise<LiveSeed> {
  const quizItems = options.quizItems ?? 50;
  const services = benchServices(database);
  const [teacher] = await seedPeople(database, 1, 't');
  const course = await services.courses.create(teacher!.id, { title: `Live bench ${students}` });
  const lesson = await services.lessons.create(course.id, teacher!.id, { title: 'Live fan-out', live: { startsAt: new Date(Date.now() + 2 * 60_000).toISOString(), durationMinutes: 180 } });
  const quiz = await services.activities.create(lesson.id, teacher!.id, {
    phase: 'live',
    type: 'quiz',
    title: 'Quick checks',
    content: {
      items: Array.from({ length: quizItems }, (_, i) => ({ prompt: `Check ${i + 1}: which stage of photosynthesis releases oxygen?`, kind: 'single', choices: ['Light reactions', 'Calvin cycle', 'Glycolysis', 'Krebs cycle'], answer: 0 })),
    },
  });
  const pollIds: string[] = [];
  for (let p = 0; p < (options.polls ?? 5); p++) {
    const poll = await services.activities.create(lesson.id, teacher!.id, { phase: 'live', type: 'poll', title: `Check-in ${p + 1}`, content: { question: 'How confident are you about today’s topic?', choices: ['Very', 'Somewhat', 'A little', 'Not at all'] } });
    pollIds.push(poll.id);
  }
  const people = await seedPeople(database, students, 's');
  await enrol(database, course.id, people);
  services.mailer.close();
  return { courseId: course.id, lessonId: lesson.id, quizId: quiz.id, quizItems, pollIds, teacher: teacher!, students: people };
}
