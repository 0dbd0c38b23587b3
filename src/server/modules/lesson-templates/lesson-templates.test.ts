import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { hoursFromNow } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

const IDS = ['flipped', 'station_rotation', 'discussion_seminar', 'workshop'];

describe.each(testDatabases())('lesson templates on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let teacher: TestClient;
    let student: TestClient;
    let courseId: string;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      const made = await courseWithClass(ctx.app, 1);
      teacher = made.teacher;
      student = made.students[0]!;
      courseId = made.course.id;
    });
    afterAll(async () => ctx?.close());

    it('lists four three-phase templates in the caller’s language, or the one asked for', async () => {
      const en = (await teacher.get('/api/lesson-templates')).body.templates;
      expect(en.map((t: { id: string; name: string }) => [t.id, t.name])).toEqual([
        ['flipped', 'Flipped lesson'],
        ['station_rotation', 'Station rotation'],
        ['discussion_seminar', 'Discussion seminar'],
        ['workshop', 'Workshop'],
      ]);
      for (const t of en) {
        for (const phase of ['pre', 'live', 'post']) expect(t.activities.some((a: { phase: string }) => a.phase === phase), `${t.id} ${phase}`).toBe(true);
        expect(t.minutes.live).toBeLessThanOrEqual(t.liveDurationMinutes);
      }
      expect(en[0].minutes).toEqual({ pre: 25, live: 33, post: 25 });
      const fr = (await teacher.get('/api/lesson-templates?locale=fr')).body.templates;
      expect(fr.map((t: { name: string }) => t.name)).toEqual(['Classe inversée', 'Rotation par ateliers', 'Séminaire de discussion', 'Atelier pratique']);
      const french = await signUp(ctx.app, 'Prof', { locale: 'fr' });
      expect((await french.get('/api/lesson-templates')).body.templates[0].activities[0].title).toBe('Notions clés');
      expect((await teacher.get('/api/lesson-templates?locale=de')).status).toBe(400);
      expect((await new TestClient(ctx.app).get('/api/lesson-templates')).status).toBe(401);
    });

    it('creates a flipped lesson with its session, activities, dates and learning types', async () => {
      const startsAt = hoursFromNow(96).replace(/\.\d+Z$/, '.000Z');
      const res = await teacher.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'flipped', startsAt });
      expect(res.status).toBe(201);
      const lesson = res.body.lesson;
      expect(lesson.title).toBe('Flipped lesson');
      expect(lesson.live).toMatchObject({ startsAt, durationMinutes: 45 });
      const shape = (list: { type: string; title: string; estimatedMinutes: number; learningType: string }[]) => list.map((a) => [a.type, a.title, a.estimatedMinutes, a.learningType]);
      expect(shape(lesson.pre)).toEqual([
        ['page', 'Key ideas', 10, 'acquisition'],
        ['quiz', 'Check your understanding', 10, 'practice'],
        ['question_box', 'Bring a question', 5, 'investigation'],
      ]);
      expect(shape(lesson.liveActivities)).toEqual([
        ['poll', 'Check-in', 3, 'discussion'],
        ['page', 'Small-group problem solving', 25, 'collaboration'],
        ['reflection', 'Exit ticket', 5, 'production'],
      ]);
      expect(shape(lesson.post)).toEqual([
        ['quiz', 'Practice', 15, 'practice'],
        ['reflection', 'After class: reflect and consolidate', 10, 'production'],
      ]);
      const start = new Date(startsAt).getTime();
      expect(lesson.pre.every((a: { dueAt: string }) => a.dueAt === startsAt)).toBe(true);
      expect(lesson.post.every((a: { opensAt: string; dueAt: string }) => a.opensAt === new Date(start + 45 * 60_000).toISOString() && a.dueAt === new Date(start + 7 * 86_400_000).toISOString())).toBe(true);
      expect(lesson.liveActivities.every((a: { dueAt: string | null }) => a.dueAt === null)).toBe(true);
    });

    it('builds every template in both languages so that the design guidance has nothing to flag', async () => {
      const french = await signUp(ctx.app, 'Prof', { locale: 'fr' });
      await teacher.post(`/api/courses/${courseId}/teachers`, { email: french.user!.email });
      for (const [who, locale] of [
        [teacher, 'en'],
        [french, 'fr'],
      ] as const) {
        const names = (await who.get('/api/lesson-templates')).body.templates;
        for (const id of IDS) {
          const res = await who.post(`/api/courses/${courseId}/lessons/from-template`, { template: id, startsAt: hoursFromNow(100), title: `${id} ${locale}` });
          expect(res.status, `${id} ${locale}`).toBe(201);
          const lesson = res.body.lesson;
          const template = names.find((t: { id: string }) => t.id === id);
          const titles = [...lesson.pre, ...lesson.liveActivities, ...lesson.post].map((a: { title: string }) => a.title);
          expect(titles).toEqual(template.activities.map((a: { title: string }) => a.title));
          expect((await who.get(`/api/lessons/${lesson.id}/guidance`)).body.flags, `${id} ${locale}`).toEqual([]);
        }
      }
      const seminar = await french.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'discussion_seminar' });
      expect(seminar.body.lesson).toMatchObject({ title: 'Séminaire de discussion', live: null });
      expect(seminar.body.lesson.post[0]).toMatchObject({ type: 'discussion', title: 'Poursuivez la discussion', content: { prompt: 'Quel argument vous a fait changer d’avis, ou vous a conforté ?' } });
      const english = await french.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'workshop', locale: 'en' });
      expect(english.body.lesson.title).toBe('Workshop');
    });

    it('refuses a bad body or a student, creating nothing', async () => {
      const count = async () => Number((await ctx.database.db.selectFrom('lessons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      expect((await teacher.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'lecture' })).status).toBe(400);
      expect((await teacher.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'flipped', startsAt: 'tomorrow' })).status).toBe(400);
      expect((await student.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'flipped' })).status).toBe(403);
      const outsider = await signUp(ctx.app, 'Outsider');
      expect((await outsider.post(`/api/courses/${courseId}/lessons/from-template`, { template: 'flipped' })).status).toBe(404);
      expect(await count()).toBe(before);
    });
  });
});
