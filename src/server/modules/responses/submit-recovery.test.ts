import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, type TestClient, type TestContext } from '../../testing/test-app.ts';

const ITEMS = [
  { prompt: '2+2?', kind: 'single', choices: ['3', '4'], answer: 1 },
  { prompt: 'Capital of France?', kind: 'text', answer: ['Paris'] },
];

/**
 * A graded submit writes the response, then the per-item results readiness reads. A crash between
 * the two leaves a stored submission without its item results; the client, never answered, retries
 * with the same submissionId. That retry must complete the work, not just replay the answer.
 */
describe.each(testDatabases())('a retried quiz submit after a crash mid-way, on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let teacher: TestClient;
    let student: TestClient;
    let lessonId: string;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      const cls = await courseWithClass(ctx.app, 1);
      teacher = cls.teacher;
      student = cls.students[0]!;
      lessonId = (await createLesson(teacher, cls.course.id)).id;
    });
    afterAll(async () => ctx?.close());

    const itemResults = async (activityId: string) =>
      (await ctx.database.db.selectFrom('quiz_item_results').select(['item_index', 'correct', 'answer_key']).where('activity_id', '=', activityId).orderBy('item_index').execute()).map((r) => ({ ...r, item_index: Number(r.item_index), correct: Number(r.correct) }));

    it('writes the missing per-item results when the same submission is retried', async () => {
      const quiz = await createActivity(teacher, lessonId, { type: 'quiz', content: { items: ITEMS } });
      const body = { answers: [1, 'Lyon'], submissionId: 'crash-retry-0001' };
      expect((await student.post(`/api/activities/${quiz.id}/submit`, body)).status).toBe(200);
      const complete = await itemResults(quiz.id);
      expect(complete).toEqual([
        { item_index: 0, correct: 1, answer_key: '1' },
        { item_index: 1, correct: 0, answer_key: 'lyon' },
      ]);
      // The state a crash right after the response's commit leaves behind.
      await ctx.database.db.deleteFrom('quiz_item_results').where('activity_id', '=', quiz.id).execute();

      const retry = await student.post(`/api/activities/${quiz.id}/submit`, body);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ attempt: 1, score: 1 });
      expect(await itemResults(quiz.id)).toEqual(complete);
      const readiness = await teacher.get(`/api/lessons/${lessonId}/readiness`);
      expect(readiness.body.items.filter((i: { activityId: string }) => i.activityId === quiz.id).map((i: { answered: number }) => i.answered)).toEqual([1, 1]);
    });

    it('does not let a replay overwrite the results with answers saved after that submission', async () => {
      const quiz = await createActivity(teacher, lessonId, { type: 'quiz', content: { items: ITEMS, attemptsAllowed: 2 } });
      const body = { answers: [1, 'Paris'], submissionId: 'crash-retry-0002' };
      expect((await student.post(`/api/activities/${quiz.id}/submit`, body)).status).toBe(200);
      const submitted = await itemResults(quiz.id);
      // A draft for the second attempt, then a late retry of the first submission.
      expect((await student.put(`/api/activities/${quiz.id}/response`, { answers: [0, 'Rome'] })).status).toBe(200);
      expect((await student.post(`/api/activities/${quiz.id}/submit`, body)).body).toMatchObject({ attempt: 1, score: 2 });
      expect(await itemResults(quiz.id)).toEqual(submitted);
    });
  });
});
