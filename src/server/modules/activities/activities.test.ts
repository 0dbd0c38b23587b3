import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestContext } from '../../testing/test-app.ts';

const QUIZ = {
  type: 'quiz',
  content: {
    items: [
      { prompt: 'Which gas do plants take in?', kind: 'single', choices: ['O2', 'CO2'], answer: 1 },
      { id: 'colours', prompt: 'Which colours does chlorophyll absorb?', kind: 'multiple', choices: ['red', 'green', 'blue'], answer: [0, 2] },
      { prompt: 'Name the pigment', kind: 'text', answer: ['chlorophylle'] },
      { prompt: 'Light speed (10^8 m/s)?', kind: 'numeric', answer: { value: 3, tolerance: 0.1 } },
    ],
  },
};

describe.each(testDatabases())('lessons and activities on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('creates ordered lessons that the course page lists from the lessons module', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const first = await createLesson(teacher, course.id, 'Light');
      const second = await createLesson(teacher, course.id, 'Leaves');
      expect((await students[0]!.post(`/api/courses/${course.id}/lessons`, { title: 'Nope' })).status).toBe(403);
      const detail = await students[0]!.get(`/api/courses/${course.id}`);
      expect(detail.body.course.lessons).toEqual([
        { id: first.id, title: 'Light', position: 0, liveStartsAt: null },
        { id: second.id, title: 'Leaves', position: 1, liveStartsAt: null },
      ]);
      const reordered = await teacher.put(`/api/courses/${course.id}/lessons/order`, { lessonIds: [second.id, first.id] });
      expect(reordered.body.lessons.map((l: { id: string }) => l.id)).toEqual([second.id, first.id]);
      expect((await teacher.put(`/api/courses/${course.id}/lessons/order`, { lessonIds: [second.id] })).status).toBe(400);
      const renamed = await teacher.patch(`/api/lessons/${first.id}`, { title: 'Light and colour' });
      expect(renamed.body.lesson.title).toBe('Light and colour');
      expect((await teacher.delete(`/api/lessons/${second.id}`)).status).toBe(200);
      expect((await teacher.get(`/api/courses/${course.id}`)).body.course.lessons.map((l: { title: string }) => l.title)).toEqual(['Light and colour']);
      // A `live` part is handed to the live-sessions module, which schedules the session.
      const withLive = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Live one', live: { startsAt: '2026-12-03T15:00:00Z', durationMinutes: 50 } });
      expect(withLive.status).toBe(201);
      expect(withLive.body.lesson.live).toMatchObject({ startsAt: '2026-12-03T15:00:00.000Z', durationMinutes: 50 });
    });

    it('shows a lesson as pre / live / post with the live session from the attached live-sessions hook', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id);
      const page = await createActivity(teacher, lesson.id, { type: 'page', content: { markdown: '# Read me' }, estimatedMinutes: 10 });
      // An estimate can be cleared again (null), not only changed.
      const cleared = await teacher.patch(`/api/activities/${page.id}`, { estimatedMinutes: null });
      expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
      expect(cleared.body.activity.estimatedMinutes).toBeNull();
      const poll = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', content: { question: 'Ready?', choices: ['yes', 'no'] } });
      const reflection = await createActivity(teacher, lesson.id, { phase: 'post', type: 'reflection', content: { prompt: 'What did you learn?' } });
      const view = await students[0]!.get(`/api/lessons/${lesson.id}`);
      expect(view.status).toBe(200);
      expect(view.body.lesson).toMatchObject({ id: lesson.id, role: 'student', live: null, progress: { done: 0, required: 2 } });
      expect(view.body.lesson.pre.map((a: { id: string }) => a.id)).toEqual([page.id]);
      expect(view.body.lesson.liveActivities.map((a: { id: string }) => a.id)).toEqual([poll.id]);
      expect(view.body.lesson.post.map((a: { id: string }) => a.id)).toEqual([reflection.id]);
      expect(view.body.lesson.pre[0].myResponse).toMatchObject({ status: 'not_started', id: null });

      const startsAt = '2026-12-01T18:00:00.000Z';
      const previous = ctx.app.services.lessons.attachLiveSessions({
        findForLesson: async (id) => (id === lesson.id ? { id: 'live-1', startsAt, durationMinutes: 60, location: 'Room 4', extra: 'kept' } : null),
        startsForLessons: async (ids) => new Map(ids.filter((id) => id === lesson.id).map((id) => [id, startsAt])),
      });
      try {
        const withLive = await students[0]!.get(`/api/lessons/${lesson.id}`);
        expect(withLive.body.lesson.live).toEqual({ id: 'live-1', startsAt, durationMinutes: 60, location: 'Room 4', extra: 'kept' });
        expect((await students[0]!.get(`/api/courses/${course.id}`)).body.course.lessons[0].liveStartsAt).toBe(startsAt);
      } finally {
        ctx.app.services.lessons.attachLiveSessions(previous);
      }
    });

    it('validates content per type; an unknown type or bad content is a 400 that creates nothing', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const lesson = await createLesson(teacher, course.id);
      const before = await snapshot(ctx.database);
      const cases = [
        { type: 'hologram', content: {} },
        { type: 'page', content: {} },
        { type: 'quiz', content: { items: [{ prompt: 'x', kind: 'single', choices: ['a', 'b'], answer: 5 }] } },
        { type: 'quiz', content: { items: [{ prompt: 'x', kind: 'multiple', choices: ['a', 'b'], answer: 1 }] } },
        { type: 'video', content: { url: 'https://evil.example/video' } },
        { type: 'link', content: { url: 'javascript:alert(1)' } },
        { type: 'checklist', content: { items: [] } },
        { type: 'page', content: { markdown: '---\ntitle: [broken\n---\n' } },
        { type: 'page', content: { markdown: 'x' }, opensAt: '2026-12-02T00:00:00Z', dueAt: '2026-12-01T00:00:00Z' },
        { type: 'page', content: { markdown: 'x' }, phase: 'during' },
      ];
      for (const body of cases) {
        const res = await teacher.post(`/api/lessons/${lesson.id}/activities`, { phase: 'pre', title: 'Bad', ...body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toMatch(/validation_failed|invalid_front_matter/);
      }
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('never shows quiz answers to students, assigns item ids, and shows answers to teachers', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id);
      const quiz = await createActivity(teacher, lesson.id, QUIZ);
      const ids = quiz.content.items.map((i: { id: string }) => i.id);
      expect(ids[1]).toBe('colours');
      expect(new Set(ids).size).toBe(4);
      expect(quiz.content.items[0].answer).toBe(1);
      expect(quiz.content.attemptsAllowed).toBe(1);

      const asStudent = await students[0]!.get(`/api/activities/${quiz.id}`);
      expect(asStudent.status).toBe(200);
      expect(JSON.stringify(asStudent.body)).not.toContain('"answer"');
      expect(JSON.stringify(asStudent.body)).not.toContain('chlorophylle');
      expect(asStudent.body.activity.content.items[0]).toEqual({ id: ids[0], prompt: 'Which gas do plants take in?', kind: 'single', choices: ['O2', 'CO2'] });
      const inLesson = await students[0]!.get(`/api/lessons/${lesson.id}`);
      expect(JSON.stringify(inLesson.body)).not.toContain('"answer"');
      const asTeacher = await teacher.get(`/api/activities/${quiz.id}`);
      expect(asTeacher.body.activity.content.items[2].answer).toEqual(['chlorophylle']);
      expect(asTeacher.body.activity.myResponse).toBeNull();
    });

    it('renders pages with wiki links to lessons of the course, and normalises video URLs', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id, 'Photosynthesis');
      const other = await createLesson(teacher, course.id, 'Cell structure');
      const page = await createActivity(teacher, lesson.id, { type: 'page', content: { markdown: 'See [[Cell structure]] and ![[leaf.png|700]] #biology' } });
      expect(page.content.html).toContain(`href="/lessons/${other.id}"`);
      expect(page.content.html).toContain('data-file="leaf.png"');
      expect(page.content.tags).toEqual(['biology']);
      const video = await createActivity(teacher, lesson.id, { type: 'video', content: { url: 'https://youtu.be/dQw4w9WgXcQ' } });
      expect(video.content).toMatchObject({ provider: 'youtube', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
      expect((await students[0]!.get(`/api/activities/${page.id}`)).body.activity.content.html).toContain('wikilink');
    });

    it('updates, closes, moves, reorders and deletes activities (teachers only)', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id);
      const a = await createActivity(teacher, lesson.id, { type: 'link', content: { url: 'https://example.org' } });
      const b = await createActivity(teacher, lesson.id, { type: 'checklist', content: { items: ['one', 'two'] } });
      const c = await createActivity(teacher, lesson.id, { type: 'reflection', phase: 'post', content: { prompt: 'Why?' } });
      expect((await students[0]!.patch(`/api/activities/${a.id}`, { title: 'Hacked' })).status).toBe(403);
      const updated = await teacher.patch(`/api/activities/${a.id}`, { title: 'Tool', closed: true, learningType: 'investigation', dueAt: '2026-12-01T10:00:00+01:00', content: { url: 'https://tool.example' } });
      expect(updated.status).toBe(200);
      expect(updated.body.activity).toMatchObject({ title: 'Tool', closed: true, learningType: 'investigation', dueAt: '2026-12-01T09:00:00.000Z', content: { url: 'https://tool.example' } });
      expect((await teacher.patch(`/api/activities/${a.id}`, { content: { items: ['x'] } })).status).toBe(400);
      const moved = await teacher.patch(`/api/activities/${b.id}`, { phase: 'post' });
      expect(moved.body.activity.phase).toBe('post');
      const layout = await teacher.put(`/api/lessons/${lesson.id}/activities/order`, { pre: [c.id], live: [], post: [b.id, a.id] });
      expect(layout.status).toBe(200);
      expect(layout.body.lesson.pre.map((x: { id: string }) => x.id)).toEqual([c.id]);
      expect(layout.body.lesson.post.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
      expect((await teacher.put(`/api/lessons/${lesson.id}/activities/order`, { pre: [c.id], live: [], post: [b.id, b.id] })).status).toBe(400);
      expect((await students[0]!.delete(`/api/activities/${a.id}`)).status).toBe(403);
      expect((await teacher.delete(`/api/activities/${a.id}`)).status).toBe(200);
      expect((await teacher.get(`/api/activities/${a.id}`)).status).toBe(404);
    });

    it('documents the async-learning routes in the OpenAPI description', async () => {
      const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const route of ['/api/lessons/{lessonId}', '/api/lessons/{lessonId}/activities', '/api/activities/{activityId}/submit', '/api/activities/{activityId}/response', '/api/questions/{questionId}/vote', '/api/activities/{activityId}/posts', '/api/me/work', '/api/courses/{courseId}/import', '/api/courses/{courseId}/uploads', '/api/courses/{courseId}/progress.csv', '/api/responses/{responseId}/feedback', '/api/me/notifications']) {
        expect(Object.keys(doc.paths), route).toContain(route);
      }
      const create = doc.paths['/api/lessons/{lessonId}/activities'].post.requestBody.content['application/json'].schema;
      expect(JSON.stringify(create)).toContain('question_box');
      expect(Object.keys(doc.paths['/api/courses/{courseId}/import'].post.requestBody.content)).toContain('text/markdown');
    });

    it('hides lessons and activities from people outside the course (404)', async () => {
      const { teacher, course } = await courseWithClass(ctx.app, 0);
      const lesson = await createLesson(teacher, course.id);
      const page = await createActivity(teacher, lesson.id, { type: 'page', content: { markdown: 'secret' } });
      const outsider = await signUp(ctx.app, 'Outsider');
      expect((await outsider.get(`/api/lessons/${lesson.id}`)).status).toBe(404);
      expect((await outsider.get(`/api/activities/${page.id}`)).status).toBe(404);
      expect((await outsider.post(`/api/lessons/${lesson.id}/activities`, { phase: 'pre', type: 'page', title: 'x', content: { markdown: 'x' } })).status).toBe(404);
      expect((await outsider.patch(`/api/activities/${page.id}`, { title: 'x' })).status).toBe(404);
    });
  });
});
