import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCommand } from '../../../shared/realtime/protocol.ts';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestClient, type TestContext } from '../../testing/test-app.ts';

/**
 * After a live session whose evidence is known (driven through the live room service):
 *   S1 joined, answered the exit poll, asked a question and raised a hand · S2 joined only ·
 *   S3 and S4 never came. Pre-work quiz: S1 2/2, S2 1/2, S3 and S4 did not submit.
 */
async function afterSession(ctx: TestContext) {
  const { teacher, course, students } = await courseWithClass(ctx.app, 4);
  const [s1, s2, s3, s4] = students as [TestClient, TestClient, TestClient, TestClient];
  const startsAt = new Date(Date.now() - 30 * 60_000).toISOString();
  const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Cells', live: { startsAt, durationMinutes: 60 } })).body.lesson as { id: string };
  const quiz = await createActivity(teacher, lesson.id, {
    type: 'quiz',
    title: 'Warm-up quiz',
    content: {
      items: [
        { id: 'a', prompt: 'A?', kind: 'single', choices: ['x', 'y'], answer: 0 },
        { id: 'b', prompt: 'B?', kind: 'single', choices: ['x', 'y'], answer: 1 },
      ],
    },
  });
  const warmUp = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', title: 'Warm-up', content: { question: 'Awake?', choices: ['Yes', 'No'] } });
  const exit = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', title: 'Exit poll', content: { question: 'Clear?', choices: ['Yes', 'No'] } });
  const catchUp = await createActivity(teacher, lesson.id, { phase: 'post', type: 'reflection', title: 'Catch-up', content: { prompt: 'Summarise' } });
  const practice = await createActivity(teacher, lesson.id, { phase: 'post', type: 'reflection', title: 'Practice', content: { prompt: 'Practise' } });

  await s1.post(`/api/activities/${quiz.id}/submit`, { answers: [0, 1] });
  await s2.post(`/api/activities/${quiz.id}/submit`, { answers: [0, 0] });

  const rooms = ctx.app.services.liveRooms;
  const room = { lessonId: lesson.id, courseId: course.id };
  const actor = (c: TestClient, role: 'teacher' | 'student') => ({ userId: c.user!.id, name: c.user!.name, role });
  const run = async (c: TestClient, role: 'teacher' | 'student', command: ClientCommand) => {
    const out = await rooms.command(room, actor(c, role), command);
    if (!out.ok) throw new Error(`${command.type}: ${out.error.code}`);
    return out.state;
  };
  await rooms.join(room, actor(teacher, 'teacher'), 'sock-t', undefined);
  await rooms.join(room, actor(s1, 'student'), 'sock-1', undefined);
  await rooms.join(room, actor(s2, 'student'), 'sock-2', undefined);
  const opened = await run(teacher, 'teacher', { type: 'poll.open', activityId: exit.id });
  await run(s1, 'student', { type: 'poll.answer', pollId: opened.poll!.id, choice: 0 });
  await run(teacher, 'teacher', { type: 'poll.close' });
  await run(s1, 'student', { type: 'question.ask', text: 'Why?' });
  await run(s1, 'student', { type: 'hand.raise', note: 'help' });

  return { teacher, course, lesson, students: [s1, s2, s3, s4] as const, quiz, warmUp, exit, catchUp, practice };
}

describe.each(testDatabases())('post-work targeting and the lesson report on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let k: Awaited<ReturnType<typeof afterSession>>;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      k = await afterSession(ctx);
    });
    afterAll(async () => ctx?.close());

    const id = (i: number) => k.students[i]!.user!.id;
    const target = (body: Record<string, unknown>, activityId = k.catchUp.id) => k.teacher.post(`/api/activities/${activityId}/targets`, body);
    const targetIds = (res: { body: any }) => res.body.targeting.students.map((s: { userId: string }) => s.userId);
    const myWorkIds = async (c: TestClient) => {
      const work = (await c.get('/api/me/work')).body;
      return [...work.overdue, ...work.dueSoon, ...work.later, ...work.done].map((w: { activity: { id: string } }) => w.activity.id);
    };

    it('targets by rule: missed exit poll, absent, below a score, or by hand', async () => {
      const missed = await target({ rule: 'missed_exit_poll' });
      expect(missed.status).toBe(200);
      expect(missed.body.targeting).toMatchObject({ activityId: k.catchUp.id, rule: 'missed_exit_poll', params: { pollActivityId: k.exit.id } });
      expect(targetIds(missed)).toEqual([id(1), id(2), id(3)]);
      expect(targetIds(await target({ rule: 'missed_exit_poll', pollActivityId: k.warmUp.id }))).toEqual([id(0), id(1), id(2), id(3)]);
      expect(targetIds(await target({ rule: 'absent' }))).toEqual([id(2), id(3)]);
      expect(targetIds(await target({ rule: 'below_score', quizActivityId: k.quiz.id, threshold: 60 }))).toEqual([id(1), id(2), id(3)]);
      expect(targetIds(await target({ rule: 'below_score', quizActivityId: k.quiz.id, threshold: 60, includeMissing: false }))).toEqual([id(1)]);
      expect(targetIds(await target({ rule: 'below_score', quizActivityId: k.quiz.id, threshold: 50, includeMissing: false }))).toEqual([]);
      const manual = await target({ rule: 'manual', userIds: [id(2), id(1)] });
      expect(targetIds(manual)).toEqual([id(1), id(2)]);
      expect((await k.teacher.get(`/api/activities/${k.catchUp.id}/targets`)).body.targeting.rule).toBe('manual');
    });

    it('refuses bad rules and leaves the targeting as it was', async () => {
      await target({ rule: 'manual', userIds: [id(1), id(2)] });
      const before = await ctx.database.db.selectFrom('activity_targets').selectAll().orderBy('user_id').execute();
      const stranger = await signUp(ctx.app, 'Stranger');
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ rule: 'manual', userIds: [stranger.user!.id] }, 'unknown_student'],
        [{ rule: 'missed_exit_poll', pollActivityId: k.quiz.id }, 'invalid_poll'],
        [{ rule: 'below_score', quizActivityId: k.exit.id, threshold: 50 }, 'invalid_quiz'],
        [{ rule: 'below_score', quizActivityId: k.quiz.id, threshold: 150 }, 'validation_failed'],
        [{ rule: 'everyone' }, 'validation_failed'],
        [{ rule: 'absent' }, 'not_postwork', k.quiz.id],
      ];
      for (const [body, code, activityId] of cases) {
        const res = await target(body, activityId);
        expect(res.status, JSON.stringify(body)).toBe(400);
        if (code !== 'validation_failed') expect(res.body.error.code).toBe(code);
      }
      expect(await ctx.database.db.selectFrom('activity_targets').selectAll().orderBy('user_id').execute()).toEqual(before);
    });

    it('shows targeted post-work in My work and progress only to its targets, until cleared', async () => {
      await target({ rule: 'manual', userIds: [id(1), id(2)] });
      expect(await myWorkIds(k.students[0]!)).not.toContain(k.catchUp.id);
      expect(await myWorkIds(k.students[1]!)).toContain(k.catchUp.id);
      expect(await myWorkIds(k.students[0]!)).toContain(k.practice.id);
      const lessonOf = async (c: TestClient) => (await c.get(`/api/lessons/${k.lesson.id}`)).body.lesson;
      const s1Lesson = await lessonOf(k.students[0]!);
      expect(s1Lesson.post.map((a: { id: string }) => a.id)).toEqual([k.practice.id]);
      expect(s1Lesson.progress.required).toBe(2);
      expect((await lessonOf(k.students[1]!)).post.map((a: { id: string }) => a.id)).toEqual([k.catchUp.id, k.practice.id]);
      expect((await lessonOf(k.teacher)).post).toHaveLength(2);
      const grid = (await k.teacher.get(`/api/courses/${k.course.id}/progress`)).body;
      const col = grid.activities.findIndex((a: { id: string }) => a.id === k.catchUp.id);
      const row = (i: number) => grid.students.find((s: { userId: string }) => s.userId === id(i));
      expect(row(0).cells[col].assigned).toBe(false);
      expect(row(1).cells[col].assigned).toBe(true);
      expect(row(1).required - row(0).required).toBe(1);

      expect((await k.teacher.delete(`/api/activities/${k.catchUp.id}/targets`)).status).toBe(200);
      expect((await k.teacher.get(`/api/activities/${k.catchUp.id}/targets`)).body.targeting).toBeNull();
      expect(await myWorkIds(k.students[0]!)).toContain(k.catchUp.id);
    });

    it('reports pre-work, attendance, live participation and post-work side by side', async () => {
      await target({ rule: 'absent' }); // S3, S4 get the catch-up
      await k.students[2]!.post(`/api/activities/${k.catchUp.id}/submit`, { text: 'Done it' });
      await k.students[0]!.post(`/api/activities/${k.practice.id}/submit`, { text: 'Practised' });
      const res = await k.teacher.get(`/api/lessons/${k.lesson.id}/report`);
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r).toMatchObject({ lessonId: k.lesson.id, title: 'Cells' });
      expect(r.students.map((s: any) => [s.name, s.pre, s.attended, s.live, s.post])).toEqual([
        ['Student 1', { done: 1, required: 1 }, true, { pollAnswers: 1, questions: 1, hands: 1 }, { done: 1, assigned: 1 }],
        ['Student 2', { done: 1, required: 1 }, true, { pollAnswers: 0, questions: 0, hands: 0 }, { done: 0, assigned: 1 }],
        ['Student 3', { done: 0, required: 1 }, false, { pollAnswers: 0, questions: 0, hands: 0 }, { done: 1, assigned: 2 }],
        ['Student 4', { done: 0, required: 1 }, false, { pollAnswers: 0, questions: 0, hands: 0 }, { done: 0, assigned: 2 }],
      ]);
      expect(r.totals).toEqual({ students: 4, preworkComplete: 2, attended: 2, participated: 1, postworkComplete: 1 });

      const csv = await k.teacher.get(`/api/lessons/${k.lesson.id}/report.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = csv.raw.body;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('Student,Email,Pre-work done,Pre-work required,Attended,Minutes present,Poll answers,Questions,Hands raised,Post-work done,Post-work assigned');
      expect(lines[1]).toMatch(new RegExp(`^Student 1,${k.students[0]!.user!.email},1,1,yes,\\d+,1,1,1,1,1$`));
      expect(lines[4]).toBe(`Student 4,${k.students[3]!.user!.email},0,1,no,0,0,0,0,0,2`);

      const fr = await signUp(ctx.app, 'Prof', { locale: 'fr' });
      await k.teacher.post(`/api/courses/${k.course.id}/teachers`, { email: fr.user!.email });
      const frLines = (await fr.get(`/api/lessons/${k.lesson.id}/report.csv`)).raw.body.slice(1).split('\r\n');
      expect(frLines[0]).toBe('Élève,E-mail,Travail préparatoire fait,Travail préparatoire demandé,Présent,Minutes de présence,Réponses aux sondages,Questions,Mains levées,Consolidation faite,Consolidation assignée');
      expect(frLines[4]).toContain(',non,');
    });

    it('keeps targeting and the report for teachers: 403 for students, 404 for outsiders', async () => {
      const student = k.students[0]!;
      const outsider = await signUp(ctx.app, 'Outsider');
      for (const c of [student, outsider]) {
        const expected = c === student ? 403 : 404;
        expect((await c.post(`/api/activities/${k.catchUp.id}/targets`, { rule: 'absent' })).status).toBe(expected);
        expect((await c.get(`/api/activities/${k.catchUp.id}/targets`)).status).toBe(expected);
        expect((await c.delete(`/api/activities/${k.catchUp.id}/targets`)).status).toBe(expected);
        expect((await c.get(`/api/lessons/${k.lesson.id}/report`)).status).toBe(expected);
        expect((await c.get(`/api/lessons/${k.lesson.id}/report.csv`)).status).toBe(expected);
      }
      expect((await k.teacher.get(`/api/activities/${k.catchUp.id}/targets`)).body.targeting.rule).toBe('absent');
    });
  });
});
