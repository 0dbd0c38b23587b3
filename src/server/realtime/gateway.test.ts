import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handPosition } from '../../shared/realtime/apply-event.ts';
import { buildApp, type TandemApp } from '../app.ts';
import { testDatabases } from '../testing/databases.ts';
import { createTestApp, signUp, type TestClient, type TestContext } from '../testing/test-app.ts';
import { liveLesson } from './live-fixtures.ts';
import { LiveTestClient } from './live-test-client.ts';

function baseUrl(app: TandemApp): string {
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function connect(app: TandemApp, client: TestClient | undefined): Promise<LiveTestClient> {
  const live = new LiveTestClient(baseUrl(app), client?.cookie);
  await live.connect();
  return live;
}

describe.each(testDatabases())('live room gateway on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    const sockets: LiveTestClient[] = [];
    const open = async (client: TestClient | undefined) => {
      const live = await connect(ctx.app, client);
      sockets.push(live);
      return live;
    };
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterEach(() => {
      for (const s of sockets.splice(0)) s.close();
    });
    afterAll(async () => ctx?.close());

    const roomVersion = async (lessonId: string) =>
      Number((await ctx.database.db.selectFrom('live_rooms').select('version').where('lesson_id', '=', lessonId).executeTakeFirst())?.version ?? -1);

    it('refuses sockets without a session, outsiders, wrong protocols and students before the room opens', async () => {
      await expect(connect(ctx.app, undefined)).rejects.toThrow('unauthenticated');
      const { lessonId, teacher, course } = await liveLesson(ctx.app, 0);
      const outsider = await open(await signUp(ctx.app, 'Outsider'));
      expect(await outsider.join(lessonId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await outsider.join('no-such-lesson')).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await outsider.send({ type: 'question.ask', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      const teacherSocket = await open(teacher);
      expect(await teacherSocket.join(lessonId, 999)).toMatchObject({ ok: false, error: { code: 'protocol_mismatch' } });
      expect(await teacherSocket.join({ nope: true } as unknown as string)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });

      const later = await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Next week', live: { startsAt: new Date(Date.now() + 7 * 86400_000).toISOString(), durationMinutes: 60 } });
      const early = await signUp(ctx.app, 'Early');
      await early.post('/api/courses/join', { code: course.joinCode });
      const earlySocket = await open(early);
      expect(await earlySocket.join(later.body.lesson.id)).toMatchObject({ ok: false, error: { code: 'room_not_open' } });
      // The teacher may open the room at any time.
      expect(await teacherSocket.join(later.body.lesson.id)).toMatchObject({ ok: true });
      // Signing out ends the right to join on an already open socket.
      const leaving = await signUp(ctx.app, 'Leaving');
      await leaving.post('/api/courses/join', { code: course.joinCode });
      const leavingSocket = await open(leaving);
      const cookie = leaving.cookie;
      await leaving.post('/api/auth/logout');
      leaving.cookie = cookie;
      expect(await leavingSocket.join(lessonId)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      const origin = new LiveTestClient(baseUrl(ctx.app), teacher.cookie, { origin: 'https://evil.example' });
      sockets.push(origin);
      await expect(origin.connect()).rejects.toThrow();
    });

    it('validates every message and keeps teacher commands for teachers: refused commands change nothing', async () => {
      const { lessonId, teacher, students, activities } = await liveLesson(ctx.app, 1);
      const t = await open(teacher);
      const s = await open(students[0]);
      expect((await t.join(lessonId)).ok).toBe(true);
      expect((await s.join(lessonId)).ok).toBe(true);
      const before = await roomVersion(lessonId);
      expect(await s.send({ type: 'poll.open', activityId: activities.poll })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await s.send({ type: 'session.end' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await s.send({ type: 'step.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await s.send({ type: 'question.ask', text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
      expect(await s.send({ type: 'made.up' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
      expect(await s.send({ type: 'timer.start', seconds: -5 } as never)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
      expect(await t.send({ type: 'hand.raise' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await roomVersion(lessonId)).toBe(before);
      const count = await ctx.database.db.selectFrom('questions').select((eb) => eb.fn.countAll().as('n')).where('lesson_id', '=', lessonId).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('runs a class: run-sheet, poll with live counts, Q&A with pre-work questions, help queue, groups, chat, timer — every client view stays exact', async () => {
      const { lessonId, teacher, students, activities } = await liveLesson(ctx.app, 2);
      const [ada, ben] = students as [TestClient, TestClient];
      const pre = await ada.post(`/api/activities/${activities.box}/questions`, { text: 'Why are leaves green?' });
      expect(pre.status).toBe(201);
      expect((await ben.post(`/api/questions/${pre.body.question.id}/vote`)).status).toBe(200);

      const t = await open(teacher);
      const a = await open(ada);
      const b = await open(ben);
      const joined = await t.join(lessonId);
      expect(joined.ok && joined.state.steps.map((x) => x.title)).toEqual(['Warm-up', 'Check-in', 'Exit ticket']);
      expect(joined.ok && joined.state.questions).toEqual([expect.objectContaining({ text: 'Why are leaves green?', source: 'prework', votes: 1, authorName: 'Student 1' })]);
      await a.join(lessonId);
      await b.join(lessonId);
      await t.until((v) => v.present.length === 3);
      expect(b.view!.me.votedQuestionIds).toEqual([pre.body.question.id]);

      expect(await t.send({ type: 'step.next' })).toEqual({ ok: true });
      await a.until((v) => v.step === 1 && v.me.step === 1);

      await t.send({ type: 'poll.open', activityId: activities.poll });
      const opened = await a.until((v) => v.poll?.status === 'open');
      expect(opened.poll!.results).toBeNull();
      await a.send({ type: 'poll.answer', pollId: opened.poll!.id, choice: 1 });
      await a.send({ type: 'poll.answer', pollId: opened.poll!.id, choice: 0 });
      await b.send({ type: 'poll.answer', pollId: opened.poll!.id, choice: 0 });
      await t.until((v) => v.poll?.results?.total === 2);
      expect(t.view!.poll!.results!.counts).toEqual([2, 0]);
      expect(a.view!.poll!.results).toBeNull();
      expect(a.view!.me.pollAnswer?.choice).toEqual([0]);
      const rows = await ctx.database.db.selectFrom('responses').select(['user_id', 'body', 'status', 'mode']).where('activity_id', '=', activities.poll).execute();
      expect(rows.map((r) => [JSON.parse(r.body), r.status, r.mode])).toEqual([[{ choice: 0 }, 'done', 'live'], [{ choice: 0 }, 'done', 'live']]);
      await t.send({ type: 'poll.reveal' });
      await b.until((v) => v.poll?.results?.counts[0] === 2);

      await b.send({ type: 'question.ask', text: 'Does it work at night?' });
      const asked = await t.until((v) => v.questions.length === 2);
      const liveQ = asked.questions.find((q) => q.source === 'live')!;
      await a.send({ type: 'question.vote', questionId: liveQ.id });
      await t.until((v) => v.questions.find((q) => q.id === liveQ.id)?.votes === 1);
      await t.send({ type: 'question.answered', questionId: liveQ.id });
      await a.until((v) => v.questions.find((q) => q.id === liveQ.id)?.answered === true);
      expect(a.view!.questions.every((q) => q.authorName === null)).toBe(true);

      await b.send({ type: 'hand.raise', note: 'stuck' });
      await a.send({ type: 'hand.raise' });
      await t.until((v) => v.hands.length === 2);
      expect(t.view!.hands.map((h) => h.name)).toEqual(['Student 2', 'Student 1']);
      await a.until((v) => v.hands.length === 2);
      expect(handPosition(a.view!)).toBe(2);
      await t.send({ type: 'help.next' });
      await t.send({ type: 'help.resolve' });
      await a.until((v) => handPosition(v) === 1);

      await t.send({ type: 'groups.assign', strategy: { kind: 'random', count: 2 }, task: 'Draw the cycle', durationSeconds: 600 });
      const grouped = await a.until((v) => v.groups !== null);
      expect(grouped.groups!.groups).toHaveLength(1);
      expect(grouped.groups!.groups[0]!.videoUrl).toMatch(/^https:\/\/meet\.jit\.si\/tandem-photo-group-\d$/);
      await a.send({ type: 'chat.send', text: 'hi group', scope: 'group' });
      await t.until((v) => v.groups!.groups.some((g) => g.chat.length === 1));
      await t.send({ type: 'groups.end' });
      await t.send({ type: 'chat.send', text: 'welcome back' });
      await t.send({ type: 'timer.start', seconds: 120 });
      await b.until((v) => v.timer !== null && v.chat.length === 1 && v.groups === null);

      // Every folded view equals what a fresh join would give.
      for (const client of [t, a, b]) {
        const fresh = await open(client === t ? teacher : client === a ? ada : ben);
        const again = await fresh.join(lessonId);
        expect(again.ok).toBe(true);
        const { version: _v1, ...folded } = client.view!;
        const { version: _v2, ...clean } = again.ok ? again.state : client.view!;
        expect(folded).toEqual(clean);
        fresh.close();
      }
    });

    it('records attendance and, at the end, keeps a summary, turns open questions into threads and gives absentees a catch-up', async () => {
      const { lessonId, teacher, students, activities } = await liveLesson(ctx.app, 2);
      const [ada, absent] = students as [TestClient, TestClient];
      const t = await open(teacher);
      const a = await open(ada);
      await t.join(lessonId);
      await a.join(lessonId);
      await t.send({ type: 'poll.open', activityId: activities.quiz });
      const poll = (await a.until((v) => v.poll !== null)).poll!;
      await a.send({ type: 'poll.answer', pollId: poll.id, choice: 1 });
      await a.send({ type: 'question.ask', text: 'What about cacti?' });
      await t.until((v) => v.questions.length === 1 && v.poll?.results?.total === 1);
      const during = await teacher.get(`/api/lessons/${lessonId}/live/attendance`);
      expect(during.body.attendance.map((r: { name: string; present: boolean; lastLeftAt: string | null }) => [r.name, r.present])).toEqual([['Teacher', true], ['Student 1', true], ['Student 2', false]]);
      expect((await ada.get(`/api/lessons/${lessonId}/live/attendance`)).status).toBe(403);
      expect((await ada.get(`/api/lessons/${lessonId}/live/summary`)).status).toBe(403);
      expect((await teacher.get(`/api/lessons/${lessonId}/live/summary`)).status).toBe(404);
      expect(await t.send({ type: 'session.end' })).toEqual({ ok: true });
      await a.until((v) => v.status === 'ended');

      let summary: { status: number; body: any } = { status: 0, body: undefined };
      for (let i = 0; i < 50 && summary.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        summary = await teacher.get(`/api/lessons/${lessonId}/live/summary`);
      }
      expect(summary.status).toBe(200);
      const s = summary.body.summary;
      expect(s.attendance.map((r: { name: string; present: boolean }) => [r.name, r.present])).toEqual([['Teacher', true], ['Student 1', true], ['Student 2', false]]);
      expect(s.polls).toEqual([expect.objectContaining({ activityId: activities.quiz, counts: [0, 1], total: 1, correct: [1] })]);
      expect(s.questions).toEqual([expect.objectContaining({ text: 'What about cacti?', answered: false })]);
      const quizResponse = await ctx.database.db.selectFrom('responses').selectAll().where('activity_id', '=', activities.quiz).executeTakeFirstOrThrow();
      expect([JSON.parse(quizResponse.body), quizResponse.status, quizResponse.score, quizResponse.max_score]).toEqual([{ answers: [1] }, 'done', 1, 1]);

      const posts = await ctx.database.db.selectFrom('discussion_posts').selectAll().where('activity_id', '=', s.discussionActivityId).execute();
      expect(posts.map((p) => p.body)).toEqual(['What about cacti?']);
      expect(s.catchUp.userIds).toEqual([absent.user!.id]);
      expect(s.catchUp.copies.map((c: { fromActivityId: string }) => c.fromActivityId)).toEqual([activities.page, activities.poll, activities.quiz]);
      const copies = await ctx.database.db.selectFrom('activities').selectAll().where('id', 'in', s.catchUp.activityIds).execute();
      expect(copies.every((c) => c.phase === 'post' && c.catch_up_for_lesson_id === lessonId)).toBe(true);
      const visits = await ctx.database.db.selectFrom('live_attendance').selectAll().where('lesson_id', '=', lessonId).execute();
      expect(new Set(visits.map((v) => v.user_id))).toEqual(new Set([teacher.user!.id, ada.user!.id]));
      expect(visits.every((v) => v.left_at !== null)).toBe(true);
      // After the end, students can no longer come in.
      const late = await open(absent);
      expect(await late.join(lessonId)).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    });
  });
});

describe.each(testDatabases())('live room across a server restart on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let second: TandemApp | undefined;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await second?.close();
      await ctx?.database.drop();
    });

    it('loses no answer, question or hand; clients reconnect and re-join by themselves', async () => {
      const { lessonId, teacher, students, activities } = await liveLesson(ctx.app, 1);
      const port = (ctx.app.server.address() as AddressInfo).port;
      const t = await connect(ctx.app, teacher);
      const s = await connect(ctx.app, students[0]);
      await t.join(lessonId);
      await s.join(lessonId);
      await t.send({ type: 'poll.open', activityId: activities.poll });
      const poll = (await s.until((v) => v.poll !== null)).poll!;
      await s.send({ type: 'poll.answer', pollId: poll.id, choice: 1 });
      await s.send({ type: 'question.ask', text: 'Still there after a restart?' });
      await s.send({ type: 'hand.raise', note: 'help' });
      await t.until((v) => v.hands.length === 1 && v.questions.length === 1 && v.poll?.results?.total === 1);

      await ctx.app.close();
      second = await buildApp(ctx.config, { database: ctx.database, logger: false });
      await second.listen({ port, host: '127.0.0.1' });
      const views = await Promise.all([
        t.until((v) => t.joins === 2 && v.present.length === 2, 10_000),
        s.until((v) => s.joins === 2 && v.present.length === 2, 10_000),
      ]);
      // Both re-joined the new server and got everything back.
      const [tv, sv] = views;
      expect(tv.poll).toMatchObject({ id: poll.id, status: 'open', results: { counts: [0, 1], total: 1 } });
      expect(tv.questions.map((q) => q.text)).toEqual(['Still there after a restart?']);
      expect(tv.hands.map((h) => h.note)).toEqual(['help']);
      expect(sv.me.pollAnswer).toEqual({ pollId: poll.id, choice: [1] });
      expect(sv.me.hand?.note).toBe('help');
      // And the room works on the new server.
      await s.send({ type: 'poll.answer', pollId: poll.id, choice: 0 });
      await t.until((v) => v.poll?.results?.counts[0] === 1);
      t.close();
      s.close();
    });
  });
});
