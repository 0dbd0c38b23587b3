import { migrateToLatest, openDatabase } from '../../src/server/db/database.ts';
import { createWorkRepository } from '../../src/server/modules/work/work.repository.ts';
import { seedWork } from '../api/seed-work.ts';
const database = openDatabase(':memory:');
await migrateToLatest(database);
const seeded = await seedWork(database, { courses: 10, perCourse: 30, classmates: 100 });
import { visibleToStudent } from '../../src/server/modules/targets/visibility.ts';
const db = database.db; const userId = seeded.student.id;
const q = db
        .selectFrom('activities as a')
        .innerJoin('course_members as m', (join) => join.onRef('m.course_id', '=', 'a.course_id').on('m.user_id', '=', userId).on('m.role', '=', 'student'))
        .innerJoin('courses as c', 'c.id', 'a.course_id')
        .innerJoin('lessons as l', 'l.id', 'a.lesson_id')
        .leftJoin('responses as r', (join) => join.onRef('r.activity_id', '=', 'a.id').on('r.user_id', '=', userId))
        .select(['a.id','a.title','a.type','a.phase','a.position','a.required','a.closed','a.opens_at','a.due_at','a.estimated_minutes','l.id as lesson_id','l.title as lesson_title','l.position as lesson_position','c.id as course_id','c.title as course_title','r.status','r.late','r.submitted_at'])
        .where('c.archived', '=', 0)
        .where('a.phase', 'in', ['pre', 'post'])
        .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId)).compile();
console.log(q.sql);
const rows = database.sqlite!.prepare('explain query plan ' + q.sql).all(...(q.parameters as never[]));
for (const r of rows as { detail: string }[]) console.log(r.detail);
const st = database.sqlite!.prepare(q.sql);
let t = performance.now(); for (let i = 0; i < 50; i++) st.all(...(q.parameters as never[])); console.log('raw', (performance.now() - t) / 50);
database.sqlite!.exec('analyze');
t = performance.now(); for (let i = 0; i < 50; i++) st.all(...(q.parameters as never[])); console.log('raw after analyze', (performance.now() - t) / 50);
const st2 = database.sqlite!.prepare(q.sql);
t = performance.now(); for (let i = 0; i < 50; i++) st2.all(...(q.parameters as never[])); console.log('raw after analyze, reprepared', (performance.now() - t) / 50);
for (const r of database.sqlite!.prepare('explain query plan ' + q.sql).all(...(q.parameters as never[])) as { detail: string }[]) console.log(r.detail);
const variants: Record<string, string> = {
  base: q.sql,
  noVisibility: q.sql.replace(/and \(\n\s*\(not exists[\s\S]*$/, ''),
  noResponses: q.sql.replace(/left join "responses" as "r" on "r"."activity_id" = "a"."id" and "r"."user_id" = \?/, '').replace('"r"."status", "r"."late", "r"."submitted_at"', 'null, null, null'),
};
for (const [k, text] of Object.entries(variants)) {
  const params = [...(q.parameters as never[])];
  const st3 = database.sqlite!.prepare(text);
  const n = (text.match(/\?/g) ?? []).length;
  const use = k === 'noResponses' ? [params[0], params[1], ...params.slice(3)] : params.slice(0, n);
  let t3 = performance.now(); for (let i = 0; i < 200; i++) st3.all(...use); console.log(k, ((performance.now() - t3) / 200).toFixed(3), 'ms rows', st3.all(...use).length);
}
console.log(database.sqlite!.prepare('select type, avg(length(content)) l from activities group by type').all());
database.sqlite!.exec('create index activities_work_idx on activities (course_id, phase, catch_up_for_lesson_id)');
database.sqlite!.exec('analyze');
for (const [k, text] of Object.entries(variants)) {
  const params = [...(q.parameters as never[])];
  const st3 = database.sqlite!.prepare(text);
  const n = (text.match(/\?/g) ?? []).length;
  const use = k === 'noResponses' ? [params[0], params[1], ...params.slice(3)] : params.slice(0, n);
  let t3 = performance.now(); for (let i = 0; i < 200; i++) st3.all(...use); console.log('with idx', k, ((performance.now() - t3) / 200).toFixed(3), 'ms rows', st3.all(...use).length);
}
for (const r of database.sqlite!.prepare('explain query plan ' + q.sql).all(...(q.parameters as never[])) as { detail: string }[]) console.log(r.detail);
