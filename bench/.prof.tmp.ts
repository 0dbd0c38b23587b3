import { openDatabase } from '../src/server/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
const database = openDatabase(process.argv[2]!);
const lesson = await database.db.selectFrom('lessons').selectAll().where('title', '=', 'Photosynthesis (bench)').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
const teacher = await database.db.selectFrom('course_members').select('user_id').where('course_id', '=', lesson.course_id).where('role', '=', 'teacher').executeTakeFirstOrThrow();
const app = await buildApp(loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', JOBS_POLLER: '0' }), { database, logger: false });
const repo = app.services.repos.readiness;
const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); return `${name} ${(performance.now() - t).toFixed(0)}`; };
const acts = await repo.activities(lesson.id);
const quizIds = acts.filter(a => a.type === 'quiz').map(a => a.id);
for (let i = 0; i < 4; i++) {
  const parts = [];
  parts.push(await time('students', () => repo.students(lesson.course_id)));
  parts.push(await time('perStudent', () => repo.perStudent(lesson.id)));
  parts.push(await time('perActivity', () => repo.perActivity(lesson.id, lesson.course_id, [])));
  parts.push(await time('itemStats', () => repo.itemStats(lesson.id, lesson.course_id, quizIds, [])));

  parts.push(await time('wrongOn', () => repo.wrongOn(lesson.id, quizIds[0]!, 'q1i1')));
  parts.push(await time('questions', () => repo.preworkQuestions(lesson.id, 100)));
  parts.push(await time('TOTAL service', () => app.services.readiness.readiness(lesson.id, { id: teacher.user_id, name: 'T', locale: 'en' })));
  console.log(parts.join(' | '));
}
await app.close(); await database.close();
