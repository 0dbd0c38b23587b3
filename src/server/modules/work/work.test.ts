import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, type TestClient, type TestContext } from '../../testing/test-app.ts';
import { createWorkRepository } from './work.repository.ts';
import { createWorkService } from './work.service.ts';

const NOW = new Date('2030-01-10T12:00:00.000Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

/** Counts the SQL statements a Kysely instance runs (one result each; subqueries are part of theirs). */
function counter() {
  const state = { queries: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      state.queries += 1;
      return args.result;
    },
  };
  return { state, plugin };
}

describe.each(testDatabases())('my work on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('groups open pre/post work as overdue, due soon, later and done, with progress per lesson and course', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const student = students[0] as TestClient;
      const lesson = await createLesson(teacher, course.id, 'Light');
      const mk = (title: string, extra: Record<string, unknown>) => createActivity(teacher, lesson.id, { type: 'link', content: { url: 'https://example.org' }, title, estimatedMinutes: 10, ...extra });
      const overdue = await mk('Overdue', { dueAt: at(-3) });
      const soon = await mk('Soon', { dueAt: at(47), phase: 'post' });
      const later = await mk('Later', { dueAt: at(49) });
      const undated = await mk('Undated', {});
      const done = await mk('Done', { dueAt: at(-5) });
      await mk('Not open yet', { opensAt: at(24) });
      const closed = await mk('Closed', { dueAt: at(-1) });
      await teacher.patch(`/api/activities/${closed.id}`, { closed: true });
      await mk('Live only', { phase: 'live' });
      await mk('Optional', { required: false });
      await student.put(`/api/activities/${done.id}/response`, { done: true });
      await student.put(`/api/activities/${undated.id}/response`, { done: false });

      const work = await ctx.app.services.work.forUser(student.user!.id, NOW);
      const titles = (items: { activity: { title: string } }[]) => items.map((i) => i.activity.title);
      expect(titles(work.overdue)).toEqual(['Overdue']);
      expect(titles(work.dueSoon)).toEqual(['Soon']);
      expect(titles(work.later)).toEqual(['Later', 'Undated', 'Optional']);
      expect(titles(work.done)).toEqual(['Done']);
      expect(work.overdue[0]).toMatchObject({ late: true, status: 'not_started', phase: 'pre', estimatedMinutes: 10, course: { id: course.id }, lesson: { id: lesson.id, title: 'Light' }, dueAt: at(-3) });
      expect(work.dueSoon[0]).toMatchObject({ phase: 'post', late: false, activity: { id: soon.id } });
      expect(work.later.find((i) => i.activity.id === undated.id)?.status).toBe('in_progress');
      expect(work.later[0]!.activity.id).toBe(later.id);
      expect(work.overdue[0]!.activity.id).toBe(overdue.id);
      // Required pre/post activities: Overdue, Soon, Later, Undated, Done, Not open yet, Closed = 7; one done.
      expect(work.lessons).toEqual([{ lessonId: lesson.id, courseId: course.id, title: 'Light', progress: { done: 1, total: 7, percent: 14 } }]);
      expect(work.courses).toEqual([{ courseId: course.id, title: 'Biology 101', progress: { done: 1, total: 7, percent: 14 } }]);
      expect(work.remainingMinutes).toBe(50);

      const http = await student.get('/api/me/work');
      expect(http.status).toBe(200);
      expect(http.body.done.map((i: { activity: { id: string } }) => i.activity.id)).toEqual([done.id]);
      // The teacher has no work of their own in their course.
      const teacherWork = await teacher.get('/api/me/work');
      expect([...teacherWork.body.overdue, ...teacherWork.body.dueSoon, ...teacherWork.body.later, ...teacherWork.body.done]).toEqual([]);

      await teacher.patch(`/api/courses/${course.id}`, { archived: true });
      const archived = await ctx.app.services.work.forUser(student.user!.id, NOW);
      expect(archived.courses).toEqual([]);
      expect(archived.later).toEqual([]);
    });

    it('sends only the fields of its schema, whatever the service returns', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const student = students[0] as TestClient;
      const lesson = await createLesson(teacher, course.id, 'Optics');
      await createActivity(teacher, lesson.id, { type: 'link', content: { url: 'https://example.org' }, title: 'Lenses', dueAt: at(24) });
      const service = ctx.app.services.work;
      const original = service.forUser;
      // A service that (by mistake) returns more than the schema: a row's extra columns.
      service.forUser = async (userId, now) => {
        const work = await original(userId, now);
        const leak = <T extends { activity: object }>(item: T): T => ({ ...item, teacherNote: 'LEAK-item', activity: { ...item.activity, content: 'LEAK-content' } });
        return { ...work, passwordHash: 'LEAK-top', later: work.later.map(leak), dueSoon: work.dueSoon.map(leak), courses: work.courses.map((c) => ({ ...c, joinCode: 'LEAK-course' })) };
      };
      try {
        const http = await student.get('/api/me/work');
        expect(http.status).toBe(200);
        expect(JSON.stringify(http.body)).not.toContain('LEAK');
        expect([...http.body.dueSoon, ...http.body.later].map((i: { activity: { title: string } }) => i.activity.title)).toEqual(['Lenses']);
        expect(Object.keys(http.body)).toEqual(['now', 'overdue', 'dueSoon', 'later', 'done', 'courses', 'lessons', 'remainingMinutes']);
      } finally {
        service.forUser = original;
      }
    });

    it('lists rows in one total order: course title, course, lesson position, activity position, activity', async () => {
      const student = (await courseWithClass(ctx.app, 1)).students[0] as TestClient;
      // Created out of order: "Zoology" first, then two courses both called "Art".
      for (const title of ['Zoology', 'Art', 'Art']) {
        const { teacher, course } = await courseWithClass(ctx.app, 0);
        expect((await teacher.patch(`/api/courses/${course.id}`, { title })).status).toBe(200);
        await student.post('/api/courses/join', { code: course.joinCode });
        const second = await createLesson(teacher, course.id, 'Second');
        const first = await createLesson(teacher, course.id, 'First');
        // Lesson "First" moved before "Second"; in each lesson, "y" moved before "x".
        expect((await teacher.put(`/api/courses/${course.id}/lessons/order`, { lessonIds: [first.id, second.id] })).status).toBe(200);
        for (const lesson of [second, first]) {
          const x = await createActivity(teacher, lesson.id, { type: 'link', content: { url: 'https://example.org' }, title: `${title}/${lesson.title}/x` });
          const y = await createActivity(teacher, lesson.id, { type: 'link', content: { url: 'https://example.org' }, title: `${title}/${lesson.title}/y` });
          expect((await teacher.put(`/api/lessons/${lesson.id}/activities/order`, { pre: [y.id, x.id], live: [], post: [] })).status).toBe(200);
        }
      }
      const rows = await createWorkRepository(ctx.database.db).asyncActivitiesForStudent(student.user!.id);
      const arts = rows.filter((r) => r.course_title === 'Art').map((r) => r.course_id);
      const [artA, artB] = [...new Set(arts)].sort();
      expect(rows.map((r) => `${r.course_id === artA ? 'A1' : r.course_id === artB ? 'A2' : 'Z'} ${r.title.split('/').slice(1).join('/')}`)).toEqual([
        'A1 First/y', 'A1 First/x', 'A1 Second/y', 'A1 Second/x',
        'A2 First/y', 'A2 First/x', 'A2 Second/y', 'A2 Second/x',
        'Z First/y', 'Z First/x', 'Z Second/y', 'Z Second/x',
      ]);
    });

    it('answers for 10 courses × 30 activities with two queries', async () => {
      const student = (await courseWithClass(ctx.app, 1)).students[0] as TestClient;
      for (let c = 0; c < 10; c++) {
        const { teacher, course } = await courseWithClass(ctx.app, 0);
        await student.post('/api/courses/join', { code: course.joinCode });
        const lessonIds: string[] = [];
        for (let l = 0; l < 3; l++) lessonIds.push((await createLesson(teacher, course.id, `L${l}`)).id);
        const now = new Date().toISOString();
        const rows = Array.from({ length: 30 }, (_, i) => ({
          id: `bench-${c}-${i}-${Math.random().toString(36).slice(2, 10)}`,
          course_id: course.id,
          lesson_id: lessonIds[i % 3]!,
          phase: i % 2 === 0 ? ('pre' as const) : ('post' as const),
          type: 'link',
          title: `Activity ${i}`,
          position: i,
          estimated_minutes: 5,
          opens_at: null,
          due_at: at(i - 10),
          required: 1,
          closed: 0,
          learning_type: null,
          content: JSON.stringify({ url: 'https://example.org' }),
          created_at: now,
          updated_at: now,
        }));
        await ctx.database.db.insertInto('activities').values(rows).execute();
      }
      const { state, plugin } = counter();
      const service = createWorkService({ work: createWorkRepository(ctx.database.db.withPlugin(plugin)) });
      const started = performance.now();
      const work = await service.forUser(student.user!.id, NOW);
      const elapsed = performance.now() - started;
      expect(state.queries).toBe(2);
      expect(work.overdue.length + work.dueSoon.length + work.later.length + work.done.length).toBe(300);
      expect(work.courses).toHaveLength(10);
      expect(elapsed).toBeLessThan(1000);
    });
  });
});
