import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

type Ids = { id: string };

/**
 * A class whose pre-work results are known, built through the real API:
 *   required: page P (10 min) + quiz Q1 (4 items, 15 min); optional: quiz Q2 (1 item), question box.
 *   S1 all right · S2 i1 & i3 wrong (after a first, all-wrong attempt) · S3 i1, i2, i4 wrong ·
 *   S4 page not done, i1 wrong, i3 blank, stuck · S5 page begun only · S6 nothing.
 */
async function buildClass(ctx: TestContext) {
  const { teacher, course, students } = await courseWithClass(ctx.app, 6);
  const [s1, s2, s3, s4, s5, s6] = students as [TestClient, TestClient, TestClient, TestClient, TestClient, TestClient];
  const startsAt = new Date(Date.now() + 48 * 3_600_000);
  startsAt.setUTCSeconds(0, 0);
  const lessonRes = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Photosynthesis', live: { startsAt: startsAt.toISOString(), durationMinutes: 60 } });
  expect(lessonRes.status).toBe(201);
  const lesson = lessonRes.body.lesson as Ids;

  const page = await createActivity(teacher, lesson.id, { type: 'page', title: 'Read', estimatedMinutes: 10, content: { markdown: '# Light' } });
  const q1 = await createActivity(teacher, lesson.id, {
    type: 'quiz',
    title: 'Check',
    estimatedMinutes: 15,
    content: {
      attemptsAllowed: 2,
      items: [
        { id: 'i1', prompt: 'Where does photosynthesis happen?', kind: 'single', choices: ['Mitochondria', 'Chloroplast', 'Nucleus'], answer: 1 },
        { id: 'i2', prompt: 'Which are products?', kind: 'multiple', choices: ['Oxygen', 'Glucose', 'Carbon dioxide'], answer: [0, 1] },
        { id: 'i3', prompt: 'Name the green pigment', kind: 'text', answer: ['chlorophyll'] },
        { id: 'i4', prompt: 'CO2 molecules per glucose?', kind: 'numeric', answer: { value: 6, tolerance: 0 } },
      ],
    },
  });
  const q2 = await createActivity(teacher, lesson.id, {
    type: 'quiz',
    title: 'Bonus',
    required: false,
    estimatedMinutes: 5,
    content: { items: [{ id: 'j1', prompt: 'Which reactions come first?', kind: 'single', choices: ['Light', 'Dark'], answer: 0 }] },
  });
  const box = await createActivity(teacher, lesson.id, { type: 'question_box', title: 'Bring a question', required: false, estimatedMinutes: 5, content: { prompt: 'What puzzles you?' } });
  const livePoll = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', title: 'Warm-up', content: { question: 'Ready?', choices: ['Yes', 'No'] } });

  const ok = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const readPage = (s: TestClient) => ok(s.put(`/api/activities/${page.id}/response`, { done: true }));
  const submitQ1 = (s: TestClient, answers: unknown[]) => ok(s.post(`/api/activities/${q1.id}/submit`, { answers }));

  await readPage(s1);
  await submitQ1(s1, [1, [1, 0], '  Chlorophyll ', 6]);
  await ok(s1.post(`/api/activities/${q2.id}/submit`, { answers: [0] }));

  await readPage(s2);
  await submitQ1(s2, [2, [2], 'leaf', 1]); // first attempt, replaced by the second
  await submitQ1(s2, [0, [0, 1], 'chlorophyl', 6]);
  await ok(s2.post(`/api/activities/${q2.id}/submit`, { answers: [1] }));

  await readPage(s3);
  await submitQ1(s3, [0, [0], 'CHLOROPHYLL', 12]);

  await submitQ1(s4, [2, [0, 1], null, '6']);
  await ok(s4.post(`/api/lessons/${lesson.id}/stuck`, { note: 'I do not get the equation' }));

  await ok(s5.put(`/api/activities/${page.id}/response`, { done: false }));
  await ok(s5.post(`/api/lessons/${lesson.id}/stuck`, {}));
  await ok(s5.post(`/api/lessons/${lesson.id}/stuck`, { stuck: false }));

  const night = await ok(s2.post(`/api/activities/${box.id}/questions`, { text: 'What happens at night?' }));
  const green = await ok(s1.post(`/api/activities/${box.id}/questions`, { text: 'Why are leaves green?' }));
  await ok(s3.post(`/api/questions/${night.question.id}/vote`));
  await ok(s4.post(`/api/questions/${night.question.id}/vote`));
  await ok(s5.post(`/api/questions/${green.question.id}/vote`));

  return { teacher, course, lesson, students: [s1, s2, s3, s4, s5, s6] as const, page, q1, q2, box, livePoll, startsAt, questions: { night: night.question, green: green.question } };
}

describe.each(testDatabases())('readiness on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let k: Awaited<ReturnType<typeof buildClass>>;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      k = await buildClass(ctx);
    });
    afterAll(async () => ctx?.close());

    const id = (i: number) => k.students[i]!.user!.id;

    it('reports every student, activity and summary figure exactly', async () => {
      const res = await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`);
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r.liveStartsAt).toBe(k.startsAt.toISOString());
      expect(r.startsInMinutes).toBeGreaterThan(47 * 60);
      expect(r.startsInMinutes).toBeLessThanOrEqual(48 * 60);
      expect(r.students.map((s: any) => [s.name, s.status, s.completed, s.required, s.quizScore, s.minutesLeft, s.stuck, s.stuckNote])).toEqual([
        ['Student 1', 'ready', 2, 2, 1, 0, false, null],
        ['Student 2', 'ready', 2, 2, 0.4, 0, false, null],
        ['Student 3', 'ready', 2, 2, 0.25, 0, false, null],
        ['Student 4', 'started', 1, 2, 0.5, 10, true, 'I do not get the equation'],
        ['Student 5', 'started', 0, 2, null, 25, false, null],
        ['Student 6', 'not_started', 0, 2, null, 25, false, null],
      ]);
      expect(r.students.map((s: any) => s.userId)).toEqual([0, 1, 2, 3, 4, 5].map(id));
      expect(r.summary).toEqual({
        studentCount: 6,
        readyCount: 3,
        startedCount: 2,
        notStartedCount: 1,
        stuckCount: 1,
        readyPercent: 50,
        thresholdPercent: 60,
        belowThreshold: true,
        requiredActivities: 2,
        requiredMinutes: 25,
      });
      expect(r.activities.map((a: any) => [a.title, a.required, a.doneCount, a.startedCount])).toEqual([
        ['Read', true, 3, 4],
        ['Check', true, 4, 4],
        ['Bonus', false, 2, 2],
        ['Bring a question', false, 2, 2],
      ]);
    });

    it('ranks quiz items by correct rate, misconceptions first, with the most chosen wrong answers', async () => {
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.items.map((i: any) => [i.itemId, i.correctRate, i.answered, i.correct, i.skipped])).toEqual([
        ['i1', 0.25, 4, 1, 0],
        ['i3', 0.5, 3, 2, 1],
        ['j1', 0.5, 2, 1, 0],
        ['i2', 0.75, 4, 3, 0],
        ['i4', 0.75, 4, 3, 0],
      ]);
      const byId = Object.fromEntries(r.items.map((i: any) => [i.itemId, i]));
      expect(byId.i1).toMatchObject({ activityId: k.q1.id, activityTitle: 'Check', itemIndex: 0, kind: 'single', prompt: 'Where does photosynthesis happen?' });
      expect(byId.i1.wrongAnswers).toEqual([
        { answer: 'Mitochondria', answerKey: '0', count: 2 },
        { answer: 'Nucleus', answerKey: '2', count: 1 },
      ]);
      expect(byId.i2.wrongAnswers).toEqual([{ answer: 'Oxygen', answerKey: '0', count: 1 }]);
      expect(byId.i3.wrongAnswers).toEqual([{ answer: 'chlorophyl', answerKey: 'chlorophyl', count: 1 }]);
      expect(byId.i4.wrongAnswers).toEqual([{ answer: '12', answerKey: '12', count: 1 }]);
      expect(byId.j1.wrongAnswers).toEqual([{ answer: 'Dark', answerKey: '1', count: 1 }]);
      // Only the latest attempt counts: Student 2's first try (all wrong) left no trace.
      const rows = await ctx.database.db.selectFrom('quiz_item_results').select(['item_id', 'answer_key']).where('user_id', '=', id(1)).where('activity_id', '=', k.q1.id).orderBy('item_index').execute();
      expect(rows.map((x) => x.answer_key)).toEqual(['0', '0,1', 'chlorophyl', '6']);
    });

    it('suggests groups and a run-sheet change from the results', async () => {
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.suggestedGroups.map((g: any) => [g.id, g.name, g.reason.code, g.userIds])).toEqual([
        ['not_started', 'Not started', 'not_started', [id(5)]],
        ['reteach_item', 'Re-teach: Where does photosynthesis happen?', 'reteach_item', [id(1), id(2), id(3)]],
        ['finish_prework', 'Finish the pre-work', 'finish_prework', [id(4)]],
        ['extend', 'Ready to extend', 'extend', [id(0)]],
      ]);
      const reteach = r.suggestedGroups[1];
      expect(reteach.reason.params).toEqual({ activityId: k.q1.id, itemId: 'i1', prompt: 'Where does photosynthesis happen?', correctRate: 0.25 });
      expect(reteach.reason.texts.fr).toContain('« Where does photosynthesis happen? »');
      expect(reteach.names.fr).toBe('Reprise : Where does photosynthesis happen?');
      expect(r.suggestion).toMatchObject({
        code: 'reteach_first',
        params: { readyPercent: 50, thresholdPercent: 60, itemId: 'i1', prompt: 'Where does photosynthesis happen?' },
        activity: { type: 'quiz', title: 'Re-teach: Where does photosynthesis happen?', estimatedMinutes: 5, learningType: 'practice' },
      });
      expect(r.suggestion.text).toBe('Only 50% of the class is ready (threshold 60%). Start with a short re-teach of “Where does photosynthesis happen?” (25% right).');
      expect(r.suggestion.texts.fr).toBe('Seuls 50 % de la classe sont prêts (seuil 60 %). Commencez par une courte reprise de « Where does photosynthesis happen? » (25 % de réussite).');
    });

    it('lists the questions students brought, most voted first, with who asked', async () => {
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.questions.map((q: any) => [q.text, q.votes, q.askedBy.userId])).toEqual([
        ['What happens at night?', 2, id(1)],
        ['Why are leaves green?', 1, id(0)],
      ]);
    });

    it('drops the suggestion when the course threshold is lower than readiness', async () => {
      expect((await k.teacher.patch(`/api/courses/${k.course.id}`, { readinessThresholdPercent: 50 })).status).toBe(200);
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.summary).toMatchObject({ thresholdPercent: 50, belowThreshold: false });
      expect(r.suggestion).toBeNull();
      expect((await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/accept-suggestion`)).body.error.code).toBe('no_suggestion');
      const bad = await k.teacher.patch(`/api/courses/${k.course.id}`, { readinessThresholdPercent: 101 });
      expect(bad.status).toBe(400);
      expect((await k.teacher.patch(`/api/courses/${k.course.id}`, { readinessThresholdPercent: 60 })).body.course.readinessThresholdPercent).toBe(60);
    });

    it('accepting the suggestion puts a re-teach quiz first on the run-sheet, once', async () => {
      const first = await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/accept-suggestion`);
      expect(first.status).toBe(201);
      expect(first.body.alreadyAccepted).toBe(false);
      const activity = first.body.activity;
      expect(activity).toMatchObject({ phase: 'live', type: 'quiz', title: 'Re-teach: Where does photosynthesis happen?', learningType: 'practice', estimatedMinutes: 5 });
      expect(activity.content.items).toEqual([expect.objectContaining({ prompt: 'Where does photosynthesis happen?', kind: 'single', choices: ['Mitochondria', 'Chloroplast', 'Nucleus'], answer: 1 })]);
      const lesson = (await k.teacher.get(`/api/lessons/${k.lesson.id}`)).body.lesson;
      expect(lesson.liveActivities.map((a: any) => a.id)).toEqual([activity.id, k.livePoll.id]);
      const again = await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/accept-suggestion`);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ alreadyAccepted: true, activity: { id: activity.id } });
      expect((await k.teacher.get(`/api/lessons/${k.lesson.id}`)).body.lesson.liveActivities).toHaveLength(2);
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.suggestion).toBeNull();
      expect(r.acceptedSuggestion.activityId).toBe(activity.id);
    });

    it('nudges the students who have not started, by notification and email, once an hour', async () => {
      const res = await k.teacher.post(`/api/lessons/${k.lesson.id}/nudge`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ nudged: 1, userIds: [id(5)], skipped: 0 });
      await ctx.app.services.mailer.idle();
      const mail = await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', k.students[5]!.user!.email).execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('Pre-work waiting: “Photosynthesis”');
      expect(mail[0]!.text).toContain('about 25 min');
      const inbox = (await k.students[5]!.get('/api/me/notifications')).body;
      expect(inbox.notifications[0]).toMatchObject({ kind: 'prework_nudge', title: 'Pre-work waiting: “Photosynthesis”', link: `/lessons/${k.lesson.id}` });
      expect((await k.students[0]!.get('/api/me/notifications')).body.notifications).toEqual([]);

      const again = await k.teacher.post(`/api/lessons/${k.lesson.id}/nudge`);
      expect(again.body).toEqual({ nudged: 0, userIds: [], skipped: 1 });
      await ctx.app.services.mailer.idle();
      expect(await ctx.database.db.selectFrom('outbox').selectAll().where('to_address', '=', k.students[5]!.user!.email).execute()).toHaveLength(1);
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      expect(r.students[5].nudgedAt).not.toBeNull();
    });

    it('never nudges anyone twice when two nudges race', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 3);
      const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Race' })).body.lesson;
      await createActivity(teacher, lesson.id, { type: 'page', estimatedMinutes: 5, content: { markdown: 'x' } });
      const [a, b] = await Promise.all([teacher.post(`/api/lessons/${lesson.id}/nudge`), teacher.post(`/api/lessons/${lesson.id}/nudge`)]);
      expect(a.body.nudged + b.body.nudged).toBe(3);
      expect([...a.body.userIds, ...b.body.userIds].sort()).toEqual(students.map((s) => s.user!.id).sort());
      const sent = await ctx.database.db.selectFrom('notifications').select('user_id').where('user_id', 'in', students.map((s) => s.user!.id)).execute();
      expect(sent).toHaveLength(3);
      // The claim itself: a second claimer within the hour gets nobody; after the hour, everybody again.
      const repo = ctx.app.services.repos.readiness;
      const ids = students.map((s) => s.user!.id);
      const at = new Date().toISOString();
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      expect(await repo.claimNudges(lesson.id, ids, teacher.user!.id, at, hourAgo)).toEqual([]);
      expect((await repo.claimNudges(lesson.id, ids, teacher.user!.id, at, at)).sort()).toEqual([...ids].sort());
    });

    it('stores teacher-adjusted groups that the live room applies as breakout groups', async () => {
      const r = (await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body;
      const groups = r.suggestedGroups.map((g: any) => ({ name: g.name, userIds: g.userIds }));
      groups[0].userIds.push(...groups[2].userIds); // the teacher merges "Finish" into "Not started"
      groups.splice(2, 1);
      const before = await ctx.database.db.selectFrom('lesson_readiness').selectAll().execute();
      const stranger = await signUp(ctx.app, 'Stranger');
      const bad = await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/groups`, { groups: [{ name: 'X', userIds: [stranger.user!.id] }] });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'unknown_student', details: [{ path: 'body.groups.0.userIds.0' }] });
      const twice = await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/groups`, { groups: [{ name: 'A', userIds: [id(0)] }, { name: 'B', userIds: [id(0)] }] });
      expect(twice.body.error.code).toBe('duplicate_student');
      expect((await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/groups`, { groups: [] })).status).toBe(400);
      expect(await ctx.database.db.selectFrom('lesson_readiness').selectAll().execute()).toEqual(before);

      const saved = await k.teacher.post(`/api/lessons/${k.lesson.id}/readiness/groups`, { groups, task: 'Work on your group’s card', durationSeconds: 600 });
      expect(saved.status).toBe(200);
      expect(saved.body.plannedGroups).toMatchObject({ groups, task: 'Work on your group’s card', durationSeconds: 600, plannedBy: k.teacher.user!.id });
      expect((await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness/groups`)).body.plannedGroups.groups).toEqual(groups);
      expect((await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body.plannedGroups.groups).toEqual(groups);

      // The live room: the teacher's `groups.assign` with the planned groups as the suggested strategy.
      const plan = await ctx.app.services.readiness.plannedGroupsForRoom(k.lesson.id);
      expect(plan?.groups).toEqual(groups);
      const room = { lessonId: k.lesson.id, courseId: k.course.id };
      const rooms = ctx.app.services.liveRooms;
      await rooms.join(room, { userId: k.teacher.user!.id, name: 'Teacher', role: 'teacher' }, 'sock-t', undefined);
      for (const i of [0, 1, 5]) await rooms.join(room, { userId: id(i), name: `Student ${i + 1}`, role: 'student' }, `sock-${i}`, undefined);
      const assigned = await rooms.command(room, { userId: k.teacher.user!.id, name: 'Teacher', role: 'teacher' }, {
        type: 'groups.assign',
        strategy: { kind: 'suggested', groups: plan!.groups },
        task: plan!.task,
        durationSeconds: plan!.durationSeconds ?? undefined,
      });
      expect(assigned.ok).toBe(true);
      if (!assigned.ok) return;
      expect(assigned.state.groups?.groups.map((g) => g.name)).toEqual(groups.map((g: any) => g.name));
      expect(assigned.state.groups?.groups.flatMap((g) => g.userIds)).toEqual(expect.arrayContaining([id(0), id(1), id(5)]));
    });

    it('lets a student flag and clear "I\'m stuck", and no one else', async () => {
      const s6 = k.students[5]!;
      expect((await s6.get(`/api/lessons/${k.lesson.id}/stuck`)).body).toMatchObject({ stuck: false, note: null });
      const on = await s6.post(`/api/lessons/${k.lesson.id}/stuck`, { note: '  where do I start?  ' });
      expect(on.body).toMatchObject({ stuck: true, note: 'where do I start?' });
      expect((await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body.students[5]).toMatchObject({ stuck: true, stuckNote: 'where do I start?' });
      const off = await s6.delete(`/api/lessons/${k.lesson.id}/stuck`);
      expect(off.body).toMatchObject({ stuck: false });
      expect((await k.teacher.get(`/api/lessons/${k.lesson.id}/readiness`)).body.summary.stuckCount).toBe(1);
      const long = await s6.post(`/api/lessons/${k.lesson.id}/stuck`, { note: 'x'.repeat(501) });
      expect(long.status).toBe(400);
      expect((await s6.get(`/api/lessons/${k.lesson.id}/stuck`)).body.stuck).toBe(false);
      expect((await k.teacher.post(`/api/lessons/${k.lesson.id}/stuck`, {})).status).toBe(403);
    });

    it('is for the course teachers only: 403 for students, 404 for outsiders, 401 signed out', async () => {
      const outsider = await signUp(ctx.app, 'Outsider');
      const student = k.students[0]!;
      const base = `/api/lessons/${k.lesson.id}`;
      for (const [method, path] of [
        ['GET', `${base}/readiness`],
        ['POST', `${base}/readiness/accept-suggestion`],
        ['GET', `${base}/readiness/groups`],
        ['POST', `${base}/readiness/groups`],
        ['POST', `${base}/nudge`],
      ] as const) {
        const body = method === 'POST' ? (path.endsWith('groups') ? { groups: [{ name: 'A', userIds: [] }] } : {}) : undefined;
        expect((await student.request(method, path, body)).status, `${method} ${path} as student`).toBe(403);
        expect((await outsider.request(method, path, body)).status, `${method} ${path} as outsider`).toBe(404);
        expect((await new TestClient(ctx.app).request(method, path, body)).status).toBe(401);
      }
      expect((await outsider.post(`${base}/stuck`, {})).status).toBe(404);
      expect((await student.get('/api/lessons/nope/readiness')).status).toBe(404);
    });

    it('counts only current students: a student who leaves drops out of every figure', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Small' })).body.lesson;
      const quiz = await createActivity(teacher, lesson.id, { type: 'quiz', content: { items: [{ id: 'a', prompt: 'One?', kind: 'single', choices: ['1', '2'], answer: 0 }] } });
      await students[0]!.post(`/api/activities/${quiz.id}/submit`, { answers: [1] });
      await students[1]!.post(`/api/activities/${quiz.id}/submit`, { answers: [0] });
      let r = (await teacher.get(`/api/lessons/${lesson.id}/readiness`)).body;
      expect(r.items[0]).toMatchObject({ correctRate: 0.5, answered: 2 });
      expect(r.liveStartsAt).toBeNull();
      expect(r.suggestion).toBeNull();
      await teacher.delete(`/api/courses/${course.id}/members/${students[0]!.user!.id}`);
      r = (await teacher.get(`/api/lessons/${lesson.id}/readiness`)).body;
      expect(r.summary.studentCount).toBe(1);
      expect(r.items[0]).toMatchObject({ correctRate: 1, answered: 1, wrongAnswers: [] });
      expect(r.activities[0]).toMatchObject({ doneCount: 1 });
      expect(r.suggestedGroups.map((g: any) => g.id)).toEqual(['extend']);
      // Many leavers: the exclusion falls back from a NOT IN list to the roster, same figures.
      const repo = ctx.app.services.repos.readiness;
      const leaver = students[0]!.user!.id;
      const fakes = Array.from({ length: 600 }, (_, i) => `gone-${i}`);
      const short = await repo.itemStats(lesson.id, course.id, [quiz.id], [leaver]);
      expect(await repo.itemStats(lesson.id, course.id, [quiz.id], [leaver, ...fakes])).toEqual(short);
      expect(short.map((row) => Number(row.attempts))).toEqual([1]);
    });

    it('suggests a recap poll when readiness is low and no quiz shows a weak item', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Recap' })).body.lesson;
      const page = await createActivity(teacher, lesson.id, { type: 'page', title: 'Read me', estimatedMinutes: 5, content: { markdown: 'x' } });
      await students[0]!.put(`/api/activities/${page.id}/response`, { done: true });
      const r = (await teacher.get(`/api/lessons/${lesson.id}/readiness`)).body;
      expect(r.summary.readyPercent).toBe(50);
      expect(r.suggestion).toMatchObject({ code: 'recap_first', activity: { type: 'poll' } });
      const accepted = await teacher.post(`/api/lessons/${lesson.id}/readiness/accept-suggestion`);
      expect(accepted.status).toBe(201);
      expect(accepted.body.activity.content).toEqual({ question: 'Which part of the pre-work should we go over together?', choices: ['Read me', 'Everything was clear'], anonymous: true });
    });
  });
});

