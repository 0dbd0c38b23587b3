import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, createLesson, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestClient, type TestContext } from '../../testing/test-app.ts';

describe.each(testDatabases())('question box on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
    });
    afterAll(async () => ctx?.close());

    it('collects questions anonymously for classmates, toggles upvotes, and shows askers to teachers', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 3);
      const [ana, ben, cy] = students as [TestClient, TestClient, TestClient];
      const lesson = await createLesson(teacher, course.id);
      const box = await createActivity(teacher, lesson.id, { type: 'question_box', content: { prompt: 'Bring a question' } });

      const asked = await ana.post(`/api/activities/${box.id}/questions`, { text: '  Why are leaves green?  ' });
      expect(asked.status).toBe(201);
      expect(asked.body.question).toMatchObject({ text: 'Why are leaves green?', votes: 0, votedByMe: false, mine: true, answered: false, source: 'prework' });
      expect(asked.body.question.askedBy).toBeUndefined();
      const second = await ben.post(`/api/activities/${box.id}/questions`, { text: 'What is ATP?' });
      const qid = second.body.question.id;

      const voted = await ana.post(`/api/questions/${qid}/vote`);
      expect(voted.body).toMatchObject({ voted: true, question: { votes: 1, votedByMe: true } });
      await cy.post(`/api/questions/${qid}/vote`);
      const list = await ana.get(`/api/activities/${box.id}/questions`);
      expect(list.body.questions.map((q: { text: string; votes: number }) => [q.text, q.votes])).toEqual([
        ['What is ATP?', 2],
        ['Why are leaves green?', 0],
      ]);
      expect(JSON.stringify(list.body)).not.toContain(ben.user!.id);
      expect(JSON.stringify(list.body)).not.toContain('askedBy');
      expect(list.body.questions[0]).toMatchObject({ votedByMe: true, mine: false });

      const unvoted = await ana.post(`/api/questions/${qid}/vote`);
      expect(unvoted.body).toMatchObject({ voted: false, question: { votes: 1, votedByMe: false } });

      const asTeacher = await teacher.get(`/api/activities/${box.id}/questions`);
      expect(asTeacher.body.questions[0].askedBy).toEqual({ userId: ben.user!.id, name: ben.user!.name });
      const votes = await ctx.database.db.selectFrom('question_votes').selectAll().where('question_id', '=', qid).execute();
      expect(votes.map((v) => v.user_id)).toEqual([cy.user!.id]);

      // Asking completes the question box for the student.
      expect((await ana.get(`/api/activities/${box.id}/response`)).body.response.status).toBe('done');

      expect((await ana.patch(`/api/questions/${qid}`, { answered: true })).status).toBe(403);
      expect((await teacher.patch(`/api/questions/${qid}`, { answered: true })).body.question.answered).toBe(true);
      expect((await ana.delete(`/api/questions/${qid}`)).status).toBe(403);
      expect((await ben.delete(`/api/questions/${qid}`)).status).toBe(200);
      expect((await teacher.get(`/api/activities/${box.id}/questions`)).body.questions).toHaveLength(1);
    });

    it('refuses outsiders, blank questions and non-question-box activities without storing anything', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 1);
      const lesson = await createLesson(teacher, course.id);
      const box = await createActivity(teacher, lesson.id, { type: 'question_box', content: { prompt: 'Ask' } });
      const page = await createActivity(teacher, lesson.id, { type: 'page', content: { markdown: 'x' } });
      const question = (await students[0]!.post(`/api/activities/${box.id}/questions`, { text: 'Q?' })).body.question;
      const outsider = await signUp(ctx.app, 'Outsider');
      const before = await snapshot(ctx.database);
      expect((await outsider.post(`/api/activities/${box.id}/questions`, { text: 'Hi' })).status).toBe(404);
      expect((await outsider.post(`/api/questions/${question.id}/vote`)).status).toBe(404);
      expect((await outsider.get(`/api/activities/${box.id}/questions`)).status).toBe(404);
      expect((await students[0]!.post(`/api/activities/${box.id}/questions`, { text: '   ' })).status).toBe(400);
      expect((await students[0]!.post(`/api/activities/${page.id}/questions`, { text: 'Q' })).status).toBe(400);
      await teacher.patch(`/api/activities/${box.id}`, { closed: true });
      const after = await snapshot(ctx.database);
      expect((await students[0]!.post(`/api/activities/${box.id}/questions`, { text: 'Late Q' })).status).toBe(409);
      expect(await snapshot(ctx.database)).toBe(after);
      expect(before).not.toBe(after); // only the closing itself changed something
    });
  });
});
