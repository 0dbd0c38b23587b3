import crypto from 'node:crypto';
import type { Database } from '../db/database.ts';
import { newId, nowIso } from '../lib/ids.ts';
import { hashToken, SESSION_TTL_MS } from '../modules/auth/auth.service.ts';
import { createServices } from '../services.ts';
import { testConfig } from './test-app.ts';

export type SeededUser = { id: string; name: string; email: string; cookie: string };
export type SeededClass = { courseId: string; joinCode: string | null; teacher: SeededUser; students: SeededUser[] };

/**
 * A course with a teacher and many signed-in students, written straight into the database
 * before a server starts. Signing up a thousand students over HTTP would spend a minute on
 * password hashing (argon2id, by design) and measure nothing these tests care about: the one
 * account made through the service gives the row every other one copies (same password).
 */
export async function seedClass(database: Database, studentCount: number, password = 'correct horse battery'): Promise<SeededClass> {
  const services = createServices(database, testConfig());
  const tag = crypto.randomBytes(4).toString('hex');
  const teacherRow = await services.auth.createAccount({ email: `teacher.${tag}@example.org`, name: 'Teacher', password });
  const template = (await services.repos.users.findById(teacherRow.id))!;
  const course = await services.courses.create(teacherRow.id, { title: 'Seeded class' });
  const now = nowIso();
  const expires = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  const session = (userId: string) => {
    const token = crypto.randomBytes(32).toString('base64url');
    return { token, row: { id: hashToken(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: expires } };
  };

  const teacherSession = session(teacherRow.id);
  const students = Array.from({ length: studentCount }, (_, i) => {
    const name = `Student ${i + 1}`;
    return { row: { ...template, id: newId(), email: `student.${i + 1}.${tag}@example.org`, name, created_at: now }, session: session('') };
  });
  for (const s of students) s.session.row.user_id = s.row.id;

  // One transaction, in batches well under the bound-parameter limits of SQLite and PostgreSQL.
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('sessions').values(teacherSession.row).execute();
    for (let i = 0; i < students.length; i += 200) {
      const batch = students.slice(i, i + 200);
      await trx.insertInto('users').values(batch.map((s) => s.row)).execute();
      await trx.insertInto('sessions').values(batch.map((s) => s.session.row)).execute();
      await trx.insertInto('course_members').values(batch.map((s) => ({ course_id: course.id, user_id: s.row.id, role: 'student' as const, joined_at: now }))).execute();
    }
  });

  const cookie = (token: string) => `tandem_session=${token}`;
  return {
    courseId: course.id,
    joinCode: course.joinCode,
    teacher: { id: teacherRow.id, name: teacherRow.name, email: teacherRow.email, cookie: cookie(teacherSession.token) },
    students: students.map((s) => ({ id: s.row.id, name: s.row.name, email: s.row.email, cookie: cookie(s.session.token) })),
  };
}
