import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity, hoursFromNow, snapshot } from '../../testing/learning-fixtures.ts';
import { courseWithClass, createTestApp, signUp, type TestClient, type TestContext } from '../../testing/test-app.ts';

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

describe.each(testDatabases())('design guidance on $dialect', ({ dialect, available }) => {
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

    /** A lesson with a live session in three days (or none), and the given activities. */
    async function lesson(activities: Record<string, unknown>[], live = true) {
      const startsAt = hoursFromNow(72).replace(/\.\d+Z$/, '.000Z');
      const res = await teacher.post(`/api/courses/${courseId}/lessons`, { title: 'L', ...(live ? { live: { startsAt, durationMinutes: 60 } } : {}) });
      const id = res.body.lesson.id as string;
      const made = [];
      for (const a of activities) made.push(await createActivity(teacher, id, a));
      return { id, startsAt, activities: made };
    }
    const guidance = async (lessonId: string) => {
      const res = await teacher.get(`/api/lessons/${lessonId}/guidance`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const codes = async (lessonId: string) => (await guidance(lessonId)).flags.map((f: { code: string }) => f.code);
    const fix = (lessonId: string, body: Record<string, unknown>) => teacher.post(`/api/lessons/${lessonId}/guidance/fix`, body);

    // Shapes reused below: a balanced lesson raises no flag at all.
    const prePage = { phase: 'pre', type: 'page', title: 'Read', estimatedMinutes: 10, learningType: 'acquisition', content: { markdown: 'x' } };
    const livePoll = { phase: 'live', type: 'poll', title: 'Check-in', estimatedMinutes: 5, learningType: 'discussion', content: { question: 'Ok?', choices: ['Yes', 'No'] } };
    const liveGroups = { phase: 'live', type: 'page', title: 'Groups', estimatedMinutes: 30, learningType: 'collaboration', content: { markdown: 'Work together' } };
    const postReflect = { phase: 'post', type: 'reflection', title: 'Reflect', estimatedMinutes: 10, learningType: 'production', content: { prompt: 'What did you learn?' } };

    it('adds up time per phase and per learning type, and a balanced lesson has no flag', async () => {
      const l = await lesson([prePage, { ...prePage, title: 'Extra', required: false, estimatedMinutes: 7, learningType: 'investigation' }, livePoll, liveGroups, postReflect]);
      const g = await guidance(l.id);
      expect(g.flags).toEqual([]);
      expect(g).toMatchObject({ liveStartsAt: l.startsAt, liveDurationMinutes: 60, preworkBudgetMinutes: 30, requiredPreworkMinutes: 10 });
      expect(g.minutes).toEqual({ pre: 17, live: 35, post: 10, total: 62 });
      expect(g.byLearningType).toEqual([
        { learningType: 'acquisition', pre: 10, live: 0, post: 0, total: 10 },
        { learningType: 'investigation', pre: 7, live: 0, post: 0, total: 7 },
        { learningType: 'discussion', pre: 0, live: 5, post: 0, total: 5 },
        { learningType: 'collaboration', pre: 0, live: 30, post: 0, total: 30 },
        { learningType: 'production', pre: 0, live: 0, post: 10, total: 10 },
      ]);
    });

    it('flags live acquisition that could be pre-work, and moves it there in one click', async () => {
      const l = await lesson([prePage, livePoll, { ...liveGroups, title: 'Lecture', learningType: 'acquisition', estimatedMinutes: 20 }, { phase: 'live', type: 'video', title: 'Clip', content: { url: VIDEO } }, postReflect]);
      const [, , lecture, clip] = l.activities as [unknown, unknown, { id: string }, { id: string }];
      const g = await guidance(l.id);
      const flags = g.flags.filter((f: { code: string }) => f.code === 'live_acquisition');
      expect(flags.map((f: { activityId: string }) => f.activityId)).toEqual([lecture.id, clip.id]);
      expect(flags[0]).toMatchObject({ severity: 'warning', params: { activityId: lecture.id, title: 'Lecture', minutes: 20 }, fix: { code: 'live_acquisition', label: 'Move it to pre-work' } });
      expect(flags[0].texts.fr).toContain('« Lecture »');

      const before = await snapshot(ctx.database);
      expect((await fix(l.id, { code: 'live_acquisition' })).body.error.code).toBe('activity_required');
      expect((await fix(l.id, { code: 'live_acquisition', activityId: l.activities[1]!.id })).body.error.code).toBe('nothing_to_fix');
      expect((await fix(l.id, { code: 'made_up' })).status).toBe(400);
      expect(await snapshot(ctx.database)).toBe(before);

      const fixed = await fix(l.id, { code: 'live_acquisition', activityId: lecture.id });
      expect(fixed.status).toBe(200);
      expect(fixed.body.fixed).toEqual({ code: 'live_acquisition', activityId: lecture.id });
      expect(fixed.body.guidance.flags.map((f: { activityId: string }) => f.activityId)).toEqual([clip.id]);
      const moved = (await teacher.get(`/api/activities/${lecture.id}`)).body.activity;
      expect(moved).toMatchObject({ phase: 'pre', dueAt: l.startsAt, position: 1 });
    });

    it('flags pre-work over the course budget (no one-click fix) and not under it', async () => {
      const l = await lesson([{ ...prePage, estimatedMinutes: 20 }, { ...prePage, title: 'More', estimatedMinutes: 15 }, livePoll, postReflect]);
      const flag = (await guidance(l.id)).flags.find((f: { code: string }) => f.code === 'prework_over_budget');
      expect(flag).toMatchObject({ severity: 'warning', params: { minutes: 35, budget: 30 }, fix: null, text: 'The required pre-work takes about 35 min, more than the course budget of 30 min.' });
      expect((await fix(l.id, { code: 'prework_over_budget' })).body.error.code).toBe('no_automatic_fix');
      const patched = await teacher.patch(`/api/courses/${courseId}`, { preworkBudgetMinutes: 40 });
      expect(patched.body.course.preworkBudgetMinutes).toBe(40);
      expect(await codes(l.id)).not.toContain('prework_over_budget');
      await teacher.patch(`/api/courses/${courseId}`, { preworkBudgetMinutes: 30 });
      expect((await teacher.patch(`/api/courses/${courseId}`, { preworkBudgetMinutes: -1 })).status).toBe(400);
    });

    it('flags a live session with no pre-work and adds a template pre-work page due at the start', async () => {
      const l = await lesson([livePoll, postReflect]);
      expect(await codes(l.id)).toEqual(['no_prework']);
      const fixed = await fix(l.id, { code: 'no_prework' });
      expect(fixed.body.guidance.flags).toEqual([]);
      const pre = (await teacher.get(`/api/lessons/${l.id}`)).body.lesson.pre;
      expect(pre).toHaveLength(1);
      expect(pre[0]).toMatchObject({ type: 'page', title: 'Before class: key ideas', learningType: 'acquisition', estimatedMinutes: 10, dueAt: l.startsAt });
      expect(await codes((await lesson([postReflect], false)).id)).toEqual([]);
    });

    it('flags a live session with no post-work and adds a template reflection after it', async () => {
      const l = await lesson([prePage, livePoll]);
      const flag = (await guidance(l.id)).flags[0];
      expect(flag).toMatchObject({ code: 'no_postwork', severity: 'info', fix: { label: 'Add a post-work activity' } });
      const fixed = await fix(l.id, { code: 'no_postwork' });
      expect(fixed.body.guidance.flags).toEqual([]);
      const post = (await teacher.get(`/api/lessons/${l.id}`)).body.lesson.post;
      const start = new Date(l.startsAt).getTime();
      expect(post[0]).toMatchObject({
        type: 'reflection',
        title: 'After class: reflect and consolidate',
        opensAt: new Date(start + 60 * 60_000).toISOString(),
        dueAt: new Date(start + 7 * 24 * 3_600_000).toISOString(),
      });
    });

    it('flags pre-work due after the session starts and moves its due date to the start', async () => {
      const late = { ...prePage, title: 'Late', dueAt: hoursFromNow(80) };
      const l = await lesson([{ ...prePage, dueAt: hoursFromNow(70) }, late, livePoll, postReflect]);
      const flags = (await guidance(l.id)).flags;
      expect(flags.map((f: { code: string; activityId: string }) => [f.code, f.activityId])).toEqual([['prework_due_after_start', l.activities[1]!.id]]);
      const fixed = await fix(l.id, { code: 'prework_due_after_start', activityId: l.activities[1]!.id });
      expect(fixed.body.guidance.flags).toEqual([]);
      expect((await teacher.get(`/api/activities/${l.activities[1]!.id}`)).body.activity.dueAt).toBe(l.startsAt);
    });

    it('flags pre-work that opens too late to be done and opens it now', async () => {
      const l = await lesson([{ ...prePage, title: 'Early', opensAt: hoursFromNow(1) }, { ...prePage, title: 'Last minute', opensAt: hoursFromNow(70) }, livePoll, postReflect]);
      const flags = (await guidance(l.id)).flags;
      expect(flags.map((f: { code: string; activityId: string }) => [f.code, f.activityId])).toEqual([['prework_opens_late', l.activities[1]!.id]]);
      expect(flags[0].params).toMatchObject({ hours: 24, startsAt: l.startsAt });
      const fixed = await fix(l.id, { code: 'prework_opens_late', activityId: l.activities[1]!.id });
      expect(fixed.body.guidance.flags).toEqual([]);
      // A week before a session three days away has passed: the activity opens now.
      expect((await teacher.get(`/api/activities/${l.activities[1]!.id}`)).body.activity).toMatchObject({ opensAt: null, isOpen: true });
    });

    it('flags a live session without interaction and adds a check-in poll at the top of the run-sheet', async () => {
      const talk = { ...liveGroups, title: 'Worked examples', learningType: 'practice' };
      const l = await lesson([prePage, talk, postReflect]);
      expect(await codes(l.id)).toEqual(['live_no_interaction']);
      const fixed = await fix(l.id, { code: 'live_no_interaction' });
      expect(fixed.body.guidance.flags).toEqual([]);
      const run = (await teacher.get(`/api/lessons/${l.id}`)).body.lesson.liveActivities;
      expect(run.map((a: { type: string; title: string }) => [a.type, a.title])).toEqual([
        ['poll', 'Check-in'],
        ['page', 'Worked examples'],
      ]);
      expect(run[0].content).toMatchObject({ question: 'How confident do you feel about today’s topic?', choices: ['Confident', 'Somewhat', 'Not yet'] });
      expect((await fix(l.id, { code: 'live_no_interaction' })).body.error.code).toBe('nothing_to_fix');
      expect(await codes((await lesson([prePage, liveGroups, postReflect])).id)).toEqual([]);
    });

    // Each rule next to a design just inside it: the near miss raises nothing.
    it('does not flag live steps that are not presenting, nor presenting before or after class', async () => {
      const clip = { phase: 'live', type: 'video', title: 'Clip to discuss', estimatedMinutes: 5, learningType: 'discussion', content: { url: VIDEO } };
      const l = await lesson([prePage, { ...prePage, phase: 'post', title: 'Summary' }, livePoll, clip, { ...liveGroups, learningType: 'practice' }, postReflect]);
      expect(await codes(l.id)).toEqual([]);
    });

    it('does not flag required pre-work exactly at the budget, optional pre-work, or a course without a budget', async () => {
      const atBudget = await lesson([{ ...prePage, estimatedMinutes: 20 }, { ...prePage, title: 'More', estimatedMinutes: 10 }, { ...prePage, title: 'Extra', required: false, estimatedMinutes: 45 }, livePoll, postReflect]);
      const g = await guidance(atBudget.id);
      expect(g).toMatchObject({ requiredPreworkMinutes: 30, preworkBudgetMinutes: 30, minutes: { pre: 75 } });
      expect(g.flags).toEqual([]);
      const over = await lesson([{ ...prePage, estimatedMinutes: 90 }, livePoll, postReflect]);
      expect(await codes(over.id)).toEqual(['prework_over_budget']);
      await teacher.patch(`/api/courses/${courseId}`, { preworkBudgetMinutes: 0 });
      expect(await codes(over.id)).toEqual([]);
      await teacher.patch(`/api/courses/${courseId}`, { preworkBudgetMinutes: 30 });
    });

    it('does not ask for post-work (or pre-work) when the lesson has no live part', async () => {
      const l = await lesson([prePage], false);
      const g = await guidance(l.id);
      expect(g).toMatchObject({ liveStartsAt: null, liveDurationMinutes: null });
      expect(g.flags).toEqual([]);
      // A run-sheet without a scheduled session is a live part: post-work is asked for.
      expect(await codes((await lesson([prePage, livePoll], false)).id)).toEqual(['no_postwork']);
    });

    it('does not flag pre-work due exactly at the start, or due dates of a lesson without a session', async () => {
      const l = await lesson([prePage, livePoll, postReflect]);
      await createActivity(teacher, l.id, { ...prePage, title: 'On time', dueAt: l.startsAt });
      expect(await codes(l.id)).toEqual([]);
      const unscheduled = await lesson([{ ...prePage, dueAt: hoursFromNow(500) }, { ...prePage, title: 'Late open', opensAt: hoursFromNow(400) }, postReflect], false);
      expect(await codes(unscheduled.id)).toEqual([]);
    });

    it('does not flag pre-work opening exactly 24 hours before the start', async () => {
      const l = await lesson([livePoll, postReflect]);
      const boundary = new Date(new Date(l.startsAt).getTime() - 24 * 3_600_000).toISOString();
      await createActivity(teacher, l.id, { ...prePage, title: 'Just in time', opensAt: boundary });
      expect(await codes(l.id)).toEqual([]);
      const late = await createActivity(teacher, l.id, { ...prePage, title: 'A minute late', opensAt: new Date(new Date(boundary).getTime() + 60_000).toISOString() });
      expect((await guidance(l.id)).flags.map((f: { code: string; activityId: string }) => [f.code, f.activityId])).toEqual([['prework_opens_late', late.id]]);
    });

    it('counts a discussion-type step or a question box as interaction', async () => {
      const talk = { ...liveGroups, title: 'Debate', learningType: 'discussion' };
      const box = { phase: 'live', type: 'question_box', title: 'Questions', content: { prompt: 'Ask' } };
      expect(await codes((await lesson([prePage, talk, postReflect])).id)).toEqual([]);
      expect(await codes((await lesson([prePage, box, postReflect])).id)).toEqual([]);
    });

    it('speaks the teacher’s language', async () => {
      const fr = await signUp(ctx.app, 'Prof', { locale: 'fr' });
      await teacher.post(`/api/courses/${courseId}/teachers`, { email: fr.user!.email });
      const l = await lesson([livePoll]);
      const flags = (await fr.get(`/api/lessons/${l.id}/guidance`)).body.flags;
      expect(flags.map((f: { text: string }) => f.text)).toEqual([
        'Cette séance en direct n’a pas de travail préparatoire : les élèves arrivent sans préparation et le direct sert à exposer.',
        'Aucun travail de consolidation ne suit la séance en direct pour ancrer ce qui a été appris.',
      ]);
      await fr.post(`/api/lessons/${l.id}/guidance/fix`, { code: 'no_prework' });
      expect((await fr.get(`/api/lessons/${l.id}`)).body.lesson.pre[0].title).toBe('Avant la séance : notions clés');
    });

    it('is for teachers: 403 for students, 404 for outsiders', async () => {
      const l = await lesson([livePoll]);
      const outsider = await signUp(ctx.app, 'Outsider');
      expect((await student.get(`/api/lessons/${l.id}/guidance`)).status).toBe(403);
      expect((await student.post(`/api/lessons/${l.id}/guidance/fix`, { code: 'no_prework' })).status).toBe(403);
      expect((await outsider.get(`/api/lessons/${l.id}/guidance`)).status).toBe(404);
      expect((await outsider.post(`/api/lessons/${l.id}/guidance/fix`, { code: 'no_prework' })).status).toBe(404);
      expect(await codes(l.id)).toContain('no_prework');
    });
  });
});
