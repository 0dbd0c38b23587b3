import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { liveLesson } from '../../realtime/live-fixtures.ts';
import { testDatabases } from '../../testing/databases.ts';
import { courseWithClass, createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

type Ids = { teacher: string; student: string; classmate: string };

/** A live lesson where one student left traces everywhere: responses, questions, votes, posts, live room, feedback. */
async function busyStudent(app: TandemApp) {
  const world = await liveLesson(app, 2);
  const [student, classmate] = world.students as [TestClient, TestClient];
  const { lessonId, activities, teacher } = world;
  const reflection = (await teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'post', type: 'reflection', title: 'Journal', content: { prompt: 'What stuck?' } })).body.activity.id as string;
  const discussion = (await teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'post', type: 'discussion', title: 'Talk', content: { prompt: 'Discuss' } })).body.activity.id as string;
  const mine = await student.post(`/api/activities/${reflection}/submit`, { text: 'MY-SECRET-REFLECTION' });
  await classmate.post(`/api/activities/${reflection}/submit`, { text: 'CLASSMATE-REFLECTION' });
  await teacher.put(`/api/responses/${mine.body.response.id}/feedback`, { text: 'Nice work', score: 4, maxScore: 5 });
  const question = await student.post(`/api/activities/${activities.box}/questions`, { text: 'MY-QUESTION' });
  const theirs = await classmate.post(`/api/activities/${activities.box}/questions`, { text: 'CLASSMATE-QUESTION' });
  await student.post(`/api/questions/${theirs.body.question.id}/vote`);
  await classmate.post(`/api/questions/${question.body.question.id}/vote`);
  const post = await student.post(`/api/activities/${discussion}/posts`, { body: 'MY-POST' });
  await classmate.post(`/api/activities/${discussion}/posts`, { body: 'CLASSMATE-REPLY', parentId: post.body.post.id });
  await student.post(`/api/lessons/${lessonId}/stuck`, { note: 'MY-STUCK-NOTE' });
  // The live room, through the room service (no sockets needed).
  const rooms = app.services.liveRooms;
  const room = { lessonId, courseId: world.course.id };
  const actor = (c: TestClient, role: 'teacher' | 'student') => ({ userId: c.user!.id, name: c.user!.name, role });
  await rooms.join(room, actor(teacher, 'teacher'), 'sock-t', undefined);
  await rooms.join(room, actor(student, 'student'), 'sock-s', undefined);
  await rooms.join(room, actor(classmate, 'student'), 'sock-c', undefined);
  await rooms.command(room, actor(student, 'student'), { type: 'chat.send', text: 'MY-CHAT', scope: 'room' });
  await rooms.command(room, actor(student, 'student'), { type: 'hand.raise', note: 'MY-HAND' });
  await rooms.command(room, actor(student, 'student'), { type: 'question.ask', text: 'MY-LIVE-QUESTION' });
  await rooms.command(room, actor(classmate, 'student'), { type: 'chat.send', text: 'CLASSMATE-CHAT', scope: 'room' });
  await rooms.command(room, actor(teacher, 'teacher'), { type: 'poll.open', activityId: activities.poll });
  const pollId = (await rooms.load(lessonId))!.poll!.id;
  await rooms.command(room, actor(student, 'student'), { type: 'poll.answer', pollId, choice: 1 });
  await app.services.mailer.idle();
  const ids: Ids = { teacher: teacher.user!.id, student: student.user!.id, classmate: classmate.user!.id };
  return { ...world, student, classmate, reflection, discussion, ids };
}

describe.each(testDatabases())('privacy: data export, account deletion, audit log on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let admin: TestClient;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      admin = await signUp(ctx.app, 'Admin');
      await ctx.app.services.privacy.setAdmin(admin.user!.email, true);
    });
    afterAll(async () => ctx?.close());

    /** Every row of every table that mentions the id, as "table: row". */
    async function traces(id: string): Promise<string[]> {
      const out: string[] = [];
      for (const table of await ctx.database.db.introspection.getTables()) {
        if (table.name.startsWith('kysely_') || table.name === 'audit_log') continue;
        const rows = await ctx.database.db.selectFrom(table.name as 'users').selectAll().execute();
        for (const row of rows) if (JSON.stringify(row).includes(id)) out.push(`${table.name}: ${JSON.stringify(row).slice(0, 200)}`);
      }
      return out;
    }

    it('gives a student all their data as a JSON download: theirs only, no secrets', async () => {
      const w = await busyStudent(ctx.app);
      const res = await w.student.get('/api/me/export');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tandem-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      const data = res.body;
      expect(data).toMatchObject({ format: 'tandem-personal-data', version: 1, account: { id: w.ids.student, email: w.student.user!.email, isAdmin: false } });
      expect(data.memberships).toEqual([expect.objectContaining({ courseId: w.course.id, role: 'student' })]);
      const text = JSON.stringify(data);
      for (const mine of ['MY-SECRET-REFLECTION', 'Nice work', 'MY-QUESTION', 'MY-POST', 'MY-STUCK-NOTE', 'MY-CHAT', 'MY-HAND', 'MY-LIVE-QUESTION']) expect(text).toContain(mine);
      expect(data.responses.find((r: { activity_id: string }) => r.activity_id === w.reflection)).toMatchObject({ body: { text: 'MY-SECRET-REFLECTION' }, score: 4, max_score: 5, feedback: 'Nice work' });
      expect(data.responses.some((r: { activity_id: string }) => r.activity_id === w.activities.poll)).toBe(true);
      expect(data.questionVotes).toHaveLength(1);
      expect(data.notifications).toEqual([expect.objectContaining({ kind: 'feedback' })]);
      expect(data.attendance.length).toBeGreaterThan(0);
      expect(data.auditAboutMe.map((a: { action: string }) => a.action).sort()).toEqual(['response.feedback', 'response.score']);
      for (const theirs of ['CLASSMATE-REFLECTION', 'CLASSMATE-QUESTION', 'CLASSMATE-REPLY', 'CLASSMATE-CHAT', w.ids.classmate]) expect(text).not.toContain(theirs);
      const secrets = await ctx.database.db.selectFrom('users').select('password_hash').where('id', '=', w.ids.student).executeTakeFirstOrThrow();
      const sessions = await ctx.database.db.selectFrom('sessions').select('id').where('user_id', '=', w.ids.student).execute();
      expect(text).not.toContain(secrets.password_hash);
      for (const s of sessions) expect(text).not.toContain(s.id);
      expect((await new TestClient(ctx.app).get('/api/me/export')).status).toBe(401);
    });

    it('lets the course teacher delete a student’s account with everything they wrote, and nothing of anyone else', async () => {
      const w = await busyStudent(ctx.app);
      const classmateBefore = await traces(w.ids.classmate);
      expect((await traces(w.ids.student)).length).toBeGreaterThan(10);
      const res = await w.teacher.delete(`/api/users/${w.ids.student}`);
      expect(res.status).toBe(200);
      expect(res.body.removed).toMatchObject({ responses: 4, questions: 2, discussion_posts: 1, course_members: 1, users: 1 });
      // Not one row anywhere still names them (the audit log keeps the bare fact, below).
      expect(await traces(w.ids.student)).toEqual([]);
      const room = JSON.stringify(await ctx.database.db.selectFrom('live_rooms').select('state').where('lesson_id', '=', w.lessonId).executeTakeFirstOrThrow());
      for (const mine of ['MY-CHAT', 'MY-HAND', 'MY-LIVE-QUESTION', w.student.user!.name]) expect(room).not.toContain(mine);
      expect(room).toContain('CLASSMATE-CHAT');
      // The classmate keeps everything but the vote they gave the deleted question.
      const classmateAfter = await traces(w.ids.classmate);
      expect(classmateBefore.filter((r) => !classmateAfter.includes(r)).every((r) => r.startsWith('question_votes') || r.startsWith('live_rooms') || r.startsWith('discussion_posts'))).toBe(true);
      const reply = await w.classmate.get(`/api/activities/${w.discussion}/posts`);
      expect(JSON.stringify(reply.body)).toContain('CLASSMATE-REPLY');
      expect(JSON.stringify(reply.body)).not.toContain('MY-POST');
      // Signed out and gone.
      expect((await w.student.get('/api/me')).status).toBe(401);
      expect((await new TestClient(ctx.app).post('/api/auth/login', { email: w.student.user!.email, password: 'correct horse battery' })).status).toBe(401);
      const audit = await w.teacher.get(`/api/courses/${w.course.id}/audit`);
      expect(audit.body.entries[0]).toMatchObject({ action: 'account.deleted', actor: { userId: w.ids.teacher, name: 'Teacher' }, targetType: 'user', targetId: w.ids.student, subject: { userId: w.ids.student, name: null } });
      expect((await w.teacher.delete(`/api/users/${w.ids.student}`)).status).toBe(404);
    });

    it('keeps deletion to teachers of every course the student is in, and teacher accounts to admins', async () => {
      const a = await courseWithClass(ctx.app, 2);
      const b = await courseWithClass(ctx.app, 0);
      const [solo, shared] = a.students as [TestClient, TestClient];
      await shared.post('/api/courses/join', { code: b.course.joinCode });
      const stranger = await signUp(ctx.app, 'Stranger');
      const coTeacher = await signUp(ctx.app, 'Co');
      await a.teacher.post(`/api/courses/${a.course.id}/teachers`, { email: coTeacher.user!.email });
      const count = async () => Number((await ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const status = async (actor: TestClient, target: TestClient) => {
        const res = await actor.delete(`/api/users/${target.user!.id}`);
        return `${res.status} ${res.body.error?.code ?? 'ok'}`;
      };
      expect(await status(a.teacher, shared)).toBe('403 forbidden'); // also in b, which a's teacher does not teach
      expect(await status(b.teacher, solo)).toBe('404 not_found'); // shares no course
      expect(await status(a.teacher, stranger)).toBe('404 not_found');
      expect(await status(a.teacher, coTeacher)).toBe('403 forbidden');
      expect(await status(solo, shared)).toBe('404 not_found'); // a classmate is no teacher
      expect(await status(a.teacher, a.teacher)).toBe('409 own_account');
      expect(await status(admin, admin)).toBe('409 own_account');
      expect(await status(admin, b.teacher)).toBe('409 last_teacher');
      expect(await count()).toBe(before);
      expect((await new TestClient(ctx.app).delete(`/api/users/${solo.user!.id}`)).status).toBe(401);
      // Admins may delete any other account, a co-teacher included; the audit log has it.
      expect(await status(admin, coTeacher)).toBe('200 ok');
      expect(await status(admin, shared)).toBe('200 ok');
      expect(await count()).toBe(before - 2);
      const log = await admin.get('/api/audit?limit=2');
      expect(log.body.entries.map((e: { action: string; targetId: string }) => [e.action, e.targetId])).toEqual([
        ['account.deleted', shared.user!.id],
        ['account.deleted', shared.user!.id],
      ]);
      expect(log.body.entries.map((e: { courseId: string }) => e.courseId).sort()).toEqual([a.course.id, b.course.id].sort());
    });

    it('logs feedback, score changes, removals and co-teachers; the course teachers and admins read it, nobody else', async () => {
      const { teacher, course, students } = await courseWithClass(ctx.app, 2);
      const [ada, ben] = students as [TestClient, TestClient];
      const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'L' })).body.lesson.id;
      const quiz = (await teacher.post(`/api/lessons/${lesson}/activities`, { phase: 'pre', type: 'quiz', title: 'Q', content: { items: [{ prompt: '1+1', kind: 'numeric', answer: { value: 2 } }] } })).body.activity.id;
      const submitted = await ada.post(`/api/activities/${quiz}/submit`, { answers: [3] });
      const responseId = submitted.body.response.id as string;
      expect(submitted.body.score).toBe(0);

      const tooHigh = await teacher.put(`/api/responses/${responseId}/feedback`, { text: 'x', score: 2 });
      expect([tooHigh.status, tooHigh.body.error.code]).toEqual([400, 'score_too_high']);
      expect((await ctx.database.db.selectFrom('audit_log').selectAll().where('course_id', '=', course.id).execute())).toEqual([]);
      expect((await teacher.put(`/api/responses/${responseId}/feedback`, { text: 'Close: counted the method', score: 1 })).status).toBe(200);
      expect((await ada.get(`/api/activities/${quiz}/response`)).body.response).toMatchObject({ score: 1, maxScore: 1, feedback: 'Close: counted the method' });
      expect((await teacher.put(`/api/responses/${responseId}/feedback`, { text: 'Same score, new words', score: 1 })).status).toBe(200);
      const co = await signUp(ctx.app, 'Helper');
      await teacher.post(`/api/courses/${course.id}/teachers`, { email: co.user!.email });
      await teacher.delete(`/api/courses/${course.id}/members/${ben.user!.id}`);

      const res = await teacher.get(`/api/courses/${course.id}/audit`);
      expect(res.status).toBe(200);
      expect(res.body.entries.map((e: { action: string }) => e.action)).toEqual(['course.member_removed', 'course.teacher_added', 'response.feedback', 'response.score', 'response.feedback']);
      const score = res.body.entries.find((e: { action: string }) => e.action === 'response.score');
      expect(score).toMatchObject({ actor: { userId: teacher.user!.id }, targetType: 'response', targetId: responseId, subject: { userId: ada.user!.id, name: 'Student 1' }, details: { from: 0, to: 1, maxScore: 1 } });
      expect(res.body.entries[0]).toMatchObject({ subject: { userId: ben.user!.id }, details: { role: 'student', left: false } });
      expect((await co.get(`/api/courses/${course.id}/audit`)).status).toBe(200);
      expect((await ada.get(`/api/courses/${course.id}/audit`)).status).toBe(403);
      expect((await ben.get(`/api/courses/${course.id}/audit`)).status).toBe(404);
      expect((await (await signUp(ctx.app, 'Other')).get(`/api/courses/${course.id}/audit`)).status).toBe(404);
      expect((await admin.get(`/api/courses/${course.id}/audit?limit=1`)).body.entries).toHaveLength(1);
      expect((await teacher.get('/api/audit')).status).toBe(403);
      expect((await admin.get(`/api/courses/nope/audit`)).status).toBe(404);
      const page = await teacher.get(`/api/courses/${course.id}/audit?before=${encodeURIComponent(res.body.entries[1].createdAt)}`);
      expect(page.body.entries.every((e: { createdAt: string }) => e.createdAt < res.body.entries[1].createdAt)).toBe(true);
    });
  });
});
