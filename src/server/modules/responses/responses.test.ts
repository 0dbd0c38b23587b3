import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson, hoursFromNow, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, type TestClient, type TestContext } from '../../testing/test-app.ts';

const QUIZ_ITEMS = [
  { prompt: 'Gas taken in?', kind: 'single', choices: ['O2', 'CO2'], answer: 1 },
  { prompt: 'Colours absorbed?', kind: 'multiple', choices: ['red', 'green', 'blue'], answer: [0, 2] },
  { prompt: 'The pigment?', kind: 'text', answer: ['Chlorophylle'] },
  { prompt: 'Speed of light (10^8 m/s)?', kind: 'numeric', answer: { value: 3, tolerance: 0.1 } },
];

describe.each(testDatabases())('responses on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let teacher: TestClient;
    let student: TestClient;
    let other: TestClient;
    let lessonId: string;
    let courseId: string;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      const klass = await courseWithClass(ctx.app, 2);
      teacher = klass.teacher;
      [student, other] = klass.students as [TestClient, TestClient];
      courseId = klass.course.id;
      lessonId = (await createLesson(teacher, courseId)).id;
    });
    afterAll(async () => ctx?.close());

    const quiz = (content: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
      createActivity(teacher, lessonId, { type: 'quiz', content: { items: QUIZ_ITEMS, ...content }, ...extra });

    it('grades every kind of quiz item (accents, case, tolerance, sets) and reveals answers only when allowed', async () => {
      const revealing = await quiz({ showAnswersAfterSubmit: true });
      const res = await student.post(`/api/activities/${revealing.id}/submit`, { answers: [1, [2, 0], '  CHLOROPHYLLÉ ', 3.05] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ score: 4, maxScore: 4, attempt: 1, late: false });
      expect(res.body.items.map((i: { correct: boolean }) => i.correct)).toEqual([true, true, true, true]);
      expect(res.body.items[1].answer).toEqual([0, 2]);
      expect(res.body.response).toMatchObject({ status: 'done', score: 4, maxScore: 4, attempts: 1, attemptsRemaining: 0 });

      const secret = await quiz();
      const wrong = await other.post(`/api/activities/${secret.id}/submit`, { answers: [0, [0], 'chloroplast', 3.2] });
      expect(wrong.body).toMatchObject({ score: 0, maxScore: 4 });
      expect(wrong.body.items.every((i: Record<string, unknown>) => i.correct === false && !('answer' in i))).toBe(true);
      // Still no answers when the student reloads the activity afterwards.
      expect(JSON.stringify((await other.get(`/api/activities/${secret.id}`)).body)).not.toContain('"answer"');
    });

    it('enforces the attempts limit with 409 and allows unlimited attempts when set', async () => {
      const twice = await quiz({ attemptsAllowed: 2 });
      expect((await student.post(`/api/activities/${twice.id}/submit`, { answers: [0, null, null, null] })).body.score).toBe(0);
      expect((await student.post(`/api/activities/${twice.id}/submit`, { answers: [1, null, null, null] })).body.score).toBe(1);
      const third = await student.post(`/api/activities/${twice.id}/submit`, { answers: [1, [0, 2], 'chlorophylle', 3] });
      expect(third.status).toBe(409);
      expect(third.body.error.code).toBe('attempts_exhausted');
      const mine = await student.get(`/api/activities/${twice.id}/response`);
      expect(mine.body.response).toMatchObject({ attempts: 2, score: 1, attemptsRemaining: 0 });

      const unlimited = await quiz({ attemptsAllowed: null });
      for (let i = 0; i < 4; i++) expect((await student.post(`/api/activities/${unlimited.id}/submit`, { answers: [1, null, null, null] })).status).toBe(200);
      expect((await student.get(`/api/activities/${unlimited.id}/response`)).body.response).toMatchObject({ attempts: 4, attemptsRemaining: null });
    });

    it('makes a retried submit with the same submissionId return the first result, never a new attempt', async () => {
      const once = await quiz();
      const body = { answers: [1, [0, 2], 'x', 3], submissionId: 'sub-0001-retry' };
      const first = await student.post(`/api/activities/${once.id}/submit`, body);
      const retry = await student.post(`/api/activities/${once.id}/submit`, body);
      const retryOtherAnswers = await student.post(`/api/activities/${once.id}/submit`, { ...body, answers: [0, [1], 'y', 1] });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retryOtherAnswers.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retryOtherAnswers.body.score).toBe(3);
      expect((await student.get(`/api/activities/${once.id}/response`)).body.response.attempts).toBe(1);
      const fresh = await student.post(`/api/activities/${once.id}/submit`, { ...body, submissionId: 'sub-0002-new' });
      expect(fresh.status).toBe(409);
    });

    it('refuses answers of the wrong shape or length with 400 and stores nothing', async () => {
      const q = await quiz();
      const before = await snapshot(ctx.database);
      for (const answers of [[1, [0, 2]], [1, [0, 2], 'x', 3, 4], ['CO2', [0, 2], 'x', 3], [1, 0, 'x', 3], [1, [0, 7], 'x', 3], [1, [0, 2], 'x', 'lots']]) {
        const res = await student.post(`/api/activities/${q.id}/submit`, { answers });
        expect(res.status, JSON.stringify(answers)).toBe(400);
      }
      expect((await student.put(`/api/activities/${q.id}/response`, { answers: [9] })).status).toBe(400);
      expect((await student.put(`/api/activities/${q.id}/response`, { text: 'not a quiz body' })).status).toBe(400);
      expect((await student.post(`/api/activities/${q.id}/submit`, {})).status).toBe(400);
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('autosaves drafts idempotently, returns updatedAt, and refuses a stale overwrite with the server copy', async () => {
      const reflection = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'What surprised you?' } });
      const url = `/api/activities/${reflection.id}/response`;
      const first = await student.put(url, { text: 'Plants eat light' });
      expect(first.status).toBe(200);
      expect(first.body.response).toMatchObject({ status: 'in_progress', body: { text: 'Plants eat light' }, revision: 1 });
      expect(first.body.response.updatedAt).toMatch(/Z$/);
      const again = await student.put(url, { text: 'Plants eat light', baseRevision: 1 });
      expect(again.body.response.revision).toBe(1);
      expect(again.body.response.updatedAt).toBe(first.body.response.updatedAt);

      // Tab A saves on top of revision 1; tab B, still on revision 1, is told instead of overwriting A.
      const tabA = await student.put(url, { text: 'Plants eat light, and air', baseUpdatedAt: first.body.response.updatedAt });
      expect(tabA.body.response.revision).toBe(2);
      const tabB = await student.put(url, { text: 'Something else', baseRevision: 1 });
      expect(tabB.status).toBe(409);
      expect(tabB.body.error.code).toBe('stale_response');
      expect(tabB.body.current).toMatchObject({ revision: 2, body: { text: 'Plants eat light, and air' } });
      // A retry of the write that already landed is not a conflict.
      expect((await student.put(url, { text: 'Plants eat light, and air', baseRevision: 1 })).status).toBe(200);
      expect((await student.get(url)).body.response.body.text).toBe('Plants eat light, and air');

      const submitted = await student.post(`/api/activities/${reflection.id}/submit`, {});
      expect(submitted.body.response).toMatchObject({ status: 'done', late: false });
      expect(submitted.body.response.submittedAt).toBeTruthy();
      expect((await teacher.put(url, { text: 'teachers have no responses' })).status).toBe(403);
    });

    it('accepts work after the due date as late, but refuses it when closed or not yet open (409, nothing stored)', async () => {
      const overdue = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'Late?' }, dueAt: hoursFromNow(-2) });
      const late = await student.post(`/api/activities/${overdue.id}/submit`, { text: 'Sorry, late' });
      expect(late.status).toBe(200);
      expect(late.body).toMatchObject({ late: true, response: { late: true, status: 'done' } });
      const onTime = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'Now' }, dueAt: hoursFromNow(2) });
      expect((await student.post(`/api/activities/${onTime.id}/submit`, { text: 'On time' })).body.late).toBe(false);

      const closed = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'Closed' }, dueAt: hoursFromNow(-2) });
      await teacher.patch(`/api/activities/${closed.id}`, { closed: true });
      const future = await createActivity(teacher, lessonId, { type: 'checklist', content: { items: ['a'] }, opensAt: hoursFromNow(24) });
      const before = await snapshot(ctx.database);
      const refused = await student.post(`/api/activities/${closed.id}/submit`, { text: 'Too late' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('activity_closed');
      expect((await student.put(`/api/activities/${closed.id}/response`, { text: 'draft' })).body.error.code).toBe('activity_closed');
      const early = await student.put(`/api/activities/${future.id}/response`, { checked: [0] });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('not_open');
      expect((await student.get(`/api/activities/${future.id}`)).body.activity.isOpen).toBe(false);
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('answers 404 for an activity of another course, and changes nothing', async () => {
      const elsewhere = await courseWithClass(ctx.app, 0);
      const otherLesson = await createLesson(elsewhere.teacher, elsewhere.course.id);
      const foreign = await createActivity(elsewhere.teacher, otherLesson.id, { type: 'reflection', content: { prompt: 'Not yours' } });
      const before = await snapshot(ctx.database);
      expect((await student.put(`/api/activities/${foreign.id}/response`, { text: 'x' })).status).toBe(404);
      expect((await student.post(`/api/activities/${foreign.id}/submit`, { text: 'x' })).status).toBe(404);
      expect((await student.get(`/api/activities/${foreign.id}`)).status).toBe(404);
      expect((await teacher.get(`/api/activities/${foreign.id}/responses`)).status).toBe(404);
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('saves checklist ticks and page task ticks per student', async () => {
      const checklist = await createActivity(teacher, lessonId, { type: 'checklist', content: { items: ['Read', 'Watch', 'Note'] } });
      const partly = await student.put(`/api/activities/${checklist.id}/response`, { checked: [2, 0, 2] });
      expect(partly.body.response).toMatchObject({ status: 'in_progress', body: { checked: [0, 2] } });
      expect((await student.put(`/api/activities/${checklist.id}/response`, { checked: [0, 1, 2] })).body.response.status).toBe('done');
      expect((await student.put(`/api/activities/${checklist.id}/response`, { checked: [3] })).status).toBe(400);
      expect((await other.get(`/api/activities/${checklist.id}`)).body.activity.myResponse).toMatchObject({ status: 'not_started', body: {} });

      const page = await createActivity(teacher, lessonId, { type: 'page', content: { markdown: '- [ ] one\n- [ ] two\n\nDone reading?' } });
      expect(page.content.tasks.map((t: { index: number }) => t.index)).toEqual([0, 1]);
      const ticked = await student.put(`/api/activities/${page.id}/response`, { checked: [1] });
      expect(ticked.body.response).toMatchObject({ status: 'in_progress', body: { checked: [1] } });
      expect((await student.put(`/api/activities/${page.id}/response`, { checked: [2] })).status).toBe(400);
      expect((await student.put(`/api/activities/${page.id}/response`, { done: true })).body.response).toMatchObject({ status: 'done', body: { checked: [1], done: true } });
      expect((await student.get(`/api/activities/${page.id}`)).body.activity.myResponse.body.checked).toEqual([1]);
      expect((await other.get(`/api/activities/${page.id}`)).body.activity.myResponse.body).toEqual({});
    });

    it('marks a video done once 90% has been watched, keeping the furthest position', async () => {
      const video = await createActivity(teacher, lessonId, { type: 'video', content: { url: 'https://vimeo.com/76979871', durationSeconds: 100 } });
      const url = `/api/activities/${video.id}/response`;
      expect((await student.put(url, { positionSeconds: 50 })).body.response.status).toBe('in_progress');
      expect((await student.post(`/api/activities/${video.id}/submit`, {})).body.error.code).toBe('not_watched');
      expect((await student.put(url, { positionSeconds: 89, done: true })).body.response.status).toBe('in_progress');
      const watched = await student.put(url, { positionSeconds: 91 });
      expect(watched.body.response).toMatchObject({ status: 'done', body: { positionSeconds: 91, furthestSeconds: 91 } });
      const rewound = await student.put(url, { positionSeconds: 10 });
      expect(rewound.body.response).toMatchObject({ status: 'done', body: { positionSeconds: 10, furthestSeconds: 91 } });
    });

    it('refuses a huge body with 413 and stores nothing', async () => {
      const reflection = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'Long?' } });
      const before = await snapshot(ctx.database);
      const huge = await student.put(`/api/activities/${reflection.id}/response`, { text: 'x'.repeat(1_100_000) });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');
      expect((await student.put(`/api/activities/${reflection.id}/response`, { text: 'x'.repeat(60_000) })).status).toBe(400);
      expect(await snapshot(ctx.database)).toBe(before);
    });

    it('keeps anonymous poll choices from the teacher', async () => {
      const poll = await createActivity(teacher, lessonId, { type: 'poll', content: { question: 'Honest?', choices: ['yes', 'no'], anonymous: true } });
      await student.put(`/api/activities/${poll.id}/response`, { choice: 1 });
      const list = await teacher.get(`/api/activities/${poll.id}/responses`);
      const mine = list.body.responses.find((r: { userId: string }) => r.userId === student.user!.id);
      expect(mine).toMatchObject({ status: 'done', body: null });
    });

    it('stores poll choices and link opens', async () => {
      const poll = await createActivity(teacher, lessonId, { type: 'poll', content: { question: 'Ready?', choices: ['yes', 'no'] } });
      expect((await student.put(`/api/activities/${poll.id}/response`, { choice: 1 })).body.response).toMatchObject({ status: 'done', body: { choice: 1 } });
      expect((await student.put(`/api/activities/${poll.id}/response`, { choice: 2 })).status).toBe(400);
      const link = await createActivity(teacher, lessonId, { type: 'link', content: { url: 'https://example.org' } });
      expect((await student.put(`/api/activities/${link.id}/response`, { done: true })).body.response.status).toBe('done');
    });

    it('lets the live room write to the same response record', async () => {
      const poll = await createActivity(teacher, lessonId, { phase: 'live', type: 'poll', content: { question: 'Live?', choices: ['a', 'b'] } });
      await ctx.app.services.repos.responses.saveLive({ activityId: poll.id, userId: student.user!.id, courseId, body: { choice: 0 } });
      expect((await student.get(`/api/activities/${poll.id}/response`)).body.response).toMatchObject({ status: 'done', mode: 'live', body: { choice: 0 } });
      const rows = await ctx.database.db.selectFrom('responses').select('id').where('activity_id', '=', poll.id).execute();
      expect(rows).toHaveLength(1);
    });

    it('lists every student for the teacher, including those who have not started', async () => {
      const reflection = await createActivity(teacher, lessonId, { type: 'reflection', content: { prompt: 'Who?' } });
      await student.put(`/api/activities/${reflection.id}/response`, { text: 'Me' });
      const list = await teacher.get(`/api/activities/${reflection.id}/responses`);
      expect(list.status).toBe(200);
      expect(list.body.responses).toHaveLength(2);
      const byUser = new Map(list.body.responses.map((r: { userId: string }) => [r.userId, r]));
      expect(byUser.get(student.user!.id)).toMatchObject({ status: 'in_progress', body: { text: 'Me' } });
      expect(byUser.get(other.user!.id)).toMatchObject({ status: 'not_started', responseId: null, body: null });
      expect((await student.get(`/api/activities/${reflection.id}/responses`)).status).toBe(403);
    });
  });
});
