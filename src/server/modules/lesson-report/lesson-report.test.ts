import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCommand } from '../../../shared/realtime/protocol.ts';
import { testDatabases } from '../../testing/databases.ts';
import { createActivity } from '../../testing/learning-fixtures.ts';
import { createTestApp, signUp, TestClient, type TestContext } from '../../testing/test-app.ts';

const BEN = 'Ben "Benny" Brown, Jr';
const FORMULA = '=HYPERLINK("http://evil.example","Cy")';

/**
 * A class whose three phases are known, built through the API and the live room service.
 *   Pre-work: a required page and quiz, an optional question box (never counted).
 *   Live: two polls. Post-work: a required practice for all, a required catch-up targeted to the
 *   absent, an optional extra (never counted).
 *   Ada   pre 2/2 · two joins, 20 + 15 min · both polls, 2 live questions, 1 hand · practice done
 *   Ben   pre 1/2 · one join, 10 min 20 s · nothing said                      · nothing done
 *   Cy    pre 0/2 · absent                                                   · catch-up done (1/2)
 *   Dee   pre 0/2 · absent                                                   · nothing done (0/2)
 *   Eve   pre 2/2 · still in the room, joined 5 min 10 s ago · warm-up poll  · practice done
 */
async function buildClass(ctx: TestContext) {
  const teacher = await signUp(ctx.app, 'Teacher');
  const course = (await teacher.post('/api/courses', { title: 'Biology 101' })).body.course as { id: string; joinCode: string };
  const names = ['Ada Lovelace', BEN, FORMULA, 'Dee Ng', 'Eve Ortiz'];
  const students: TestClient[] = [];
  for (const [i, name] of names.entries()) {
    const s = await signUp(ctx.app, name, { email: `report.${i}.${Date.now()}@example.org` });
    expect((await s.post('/api/courses/join', { code: course.joinCode })).status).toBe(200);
    students.push(s);
  }
  const [ada, ben, cy, dee, eve] = students as [TestClient, TestClient, TestClient, TestClient, TestClient];
  const startsAt = new Date(Date.now() - 40 * 60_000).toISOString();
  const lesson = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Cells, "and" more', live: { startsAt, durationMinutes: 60 } })).body.lesson as { id: string };

  const page = await createActivity(teacher, lesson.id, { type: 'page', title: 'Read', content: { markdown: '# Cells' } });
  const quiz = await createActivity(teacher, lesson.id, { type: 'quiz', title: 'Check', content: { items: [{ id: 'a', prompt: 'A?', kind: 'single', choices: ['x', 'y'], answer: 0 }] } });
  const box = await createActivity(teacher, lesson.id, { type: 'question_box', title: 'Ask', required: false, content: { prompt: 'What puzzles you?' } });
  const warmUp = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', title: 'Warm-up', content: { question: 'Awake?', choices: ['Yes', 'No'] } });
  const exit = await createActivity(teacher, lesson.id, { phase: 'live', type: 'poll', title: 'Exit poll', content: { question: 'Clear?', choices: ['Yes', 'No'] } });
  const practice = await createActivity(teacher, lesson.id, { phase: 'post', type: 'reflection', title: 'Practice', content: { prompt: 'Practise' } });
  const catchUp = await createActivity(teacher, lesson.id, { phase: 'post', type: 'reflection', title: 'Catch-up', content: { prompt: 'Summarise' } });
  const extra = await createActivity(teacher, lesson.id, { phase: 'post', type: 'page', title: 'Going further', required: false, content: { markdown: 'More' } });

  const ok = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  for (const s of [ada, eve]) await ok(s.post(`/api/activities/${page.id}/submit`, { done: true }));
  for (const s of [ada, ben, eve]) await ok(s.post(`/api/activities/${quiz.id}/submit`, { answers: [0] }));
  await ok(dee.post(`/api/activities/${extra.id}/submit`, { done: true }));
  await ok(ada.post(`/api/activities/${box.id}/questions`, { text: 'A pre-work question, not a live one' }));

  // The live session, through the room service (what the socket gateway calls).
  const rooms = ctx.app.services.liveRooms;
  const room = { lessonId: lesson.id, courseId: course.id };
  const actor = (c: TestClient, role: 'teacher' | 'student') => ({ userId: c.user!.id, name: c.user!.name, role });
  const run = async (c: TestClient, role: 'teacher' | 'student', command: ClientCommand) => {
    const out = await rooms.command(room, actor(c, role), command);
    if (!out.ok) throw new Error(`${command.type}: ${out.error.code}`);
    return out.state;
  };
  await rooms.join(room, actor(teacher, 'teacher'), 'sock-t', undefined);
  await rooms.join(room, actor(ada, 'student'), 'sock-ada-1', undefined);
  await rooms.leave(room, actor(ada, 'student'), 'sock-ada-1');
  for (const [c, sock] of [[ada, 'sock-ada-2'], [ben, 'sock-ben'], [eve, 'sock-eve']] as const) await rooms.join(room, actor(c, 'student'), sock, undefined);
  let state = await run(teacher, 'teacher', { type: 'poll.open', activityId: warmUp.id });
  await run(ada, 'student', { type: 'poll.answer', pollId: state.poll!.id, choice: 0 });
  await run(eve, 'student', { type: 'poll.answer', pollId: state.poll!.id, choice: 1 });
  await run(teacher, 'teacher', { type: 'poll.close' });
  state = await run(teacher, 'teacher', { type: 'poll.open', activityId: exit.id });
  await run(ada, 'student', { type: 'poll.answer', pollId: state.poll!.id, choice: 0 });
  await run(teacher, 'teacher', { type: 'poll.close' });
  await run(ada, 'student', { type: 'question.ask', text: 'Why?' });
  await run(ada, 'student', { type: 'question.ask', text: 'How?' });
  await run(ada, 'student', { type: 'hand.raise', note: 'help' });
  await rooms.leave(room, actor(ada, 'student'), 'sock-ada-2');
  await rooms.leave(room, actor(ben, 'student'), 'sock-ben');

  // The room stamps joins with the real clock; give them known lengths (Eve is still in).
  const db = ctx.database.db;
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const rows = await db.selectFrom('live_attendance').select(['id', 'user_id']).where('lesson_id', '=', lesson.id).orderBy('joined_at').orderBy('id').execute();
  const adaRows = rows.filter((r) => r.user_id === ada.user!.id);
  expect(adaRows).toHaveLength(2);
  const times = new Map<string, { joined_at: string; left_at: string | null }>([
    [adaRows[0]!.id, { joined_at: ago(40 * 60_000), left_at: ago(20 * 60_000) }],
    [adaRows[1]!.id, { joined_at: ago(18 * 60_000), left_at: ago(3 * 60_000) }],
    [rows.find((r) => r.user_id === ben.user!.id)!.id, { joined_at: ago(30 * 60_000), left_at: ago(30 * 60_000 - 620_000) }],
    [rows.find((r) => r.user_id === eve.user!.id)!.id, { joined_at: ago(310_000), left_at: null }],
  ]);
  for (const [id, set] of times) await db.updateTable('live_attendance').set(set).where('id', '=', id).execute();

  expect((await teacher.post(`/api/activities/${catchUp.id}/targets`, { rule: 'absent' })).status).toBe(200);
  await ok(cy.post(`/api/activities/${catchUp.id}/submit`, { text: 'Caught up' }));
  for (const s of [ada, eve]) await ok(s.post(`/api/activities/${practice.id}/submit`, { text: 'Practised' }));

  return { teacher, course, lesson, students: { ada, ben, cy, dee, eve } };
}

describe.each(testDatabases())('the lesson report on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let k: Awaited<ReturnType<typeof buildClass>>;
    beforeAll(async () => {
      ctx = await createTestApp(dialect);
      k = await buildClass(ctx);
    });
    afterAll(async () => ctx?.close());

    const reportPath = () => `/api/lessons/${k.lesson.id}/report`;

    it('gives every figure of every phase, per student and in total', async () => {
      const res = await k.teacher.get(reportPath());
      expect(res.status).toBe(200);
      const { ada, ben, cy, dee, eve } = k.students;
      const row = (c: TestClient, pre: number, attended: boolean, minutesPresent: number, live: [number, number, number], post: [number, number]) => ({
        userId: c.user!.id,
        name: c.user!.name,
        email: c.user!.email,
        pre: { done: pre, required: 2 },
        attended,
        minutesPresent,
        live: { pollAnswers: live[0], questions: live[1], hands: live[2] },
        post: { done: post[0], assigned: post[1] },
      });
      expect(res.body).toEqual({
        lessonId: k.lesson.id,
        courseId: k.course.id,
        title: 'Cells, "and" more',
        liveStartsAt: expect.any(String),
        // Sorted by name: "=" comes before letters.
        students: [
          row(cy, 0, false, 0, [0, 0, 0], [1, 2]),
          row(ada, 2, true, 35, [2, 2, 1], [1, 1]),
          row(ben, 1, true, 10, [0, 0, 0], [0, 1]),
          row(dee, 0, false, 0, [0, 0, 0], [0, 2]),
          row(eve, 2, true, 5, [1, 0, 0], [1, 1]),
        ],
        totals: { students: 5, preworkComplete: 2, attended: 3, participated: 2, postworkComplete: 2 },
      });
    });

    it('exports the same rows as CSV, escaped, with formulas neutralised', async () => {
      const res = await k.teacher.get(`${reportPath()}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="lesson-report-${k.lesson.id}.csv"`);
      const text = res.raw.body;
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.slice(1, -2).split('\r\n');
      const { ada, ben, cy, dee, eve } = k.students;
      expect(lines).toEqual([
        'Student,Email,Pre-work done,Pre-work required,Attended,Minutes present,Poll answers,Questions,Hands raised,Post-work done,Post-work assigned',
        // A leading apostrophe makes a spreadsheet show the text instead of running it.
        `"'=HYPERLINK(""http://evil.example"",""Cy"")",${cy.user!.email},0,2,no,0,0,0,0,1,2`,
        `Ada Lovelace,${ada.user!.email},2,2,yes,35,2,2,1,1,1`,
        `"Ben ""Benny"" Brown, Jr",${ben.user!.email},1,2,yes,10,0,0,0,0,1`,
        `Dee Ng,${dee.user!.email},0,2,no,0,0,0,0,0,2`,
        `Eve Ortiz,${eve.user!.email},2,2,yes,5,1,0,0,1,1`,
      ]);
      expect(BEN).toContain(',');
    });

    it('neutralises every formula trigger, not only "="', async () => {
      const { csvCell } = await import('../progress/csv.ts');
      expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map((v) => csvCell(v))).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
      expect(csvCell(-1)).toBe('-1');
    });

    it('writes the CSV in the teacher’s language', async () => {
      const fr = await signUp(ctx.app, 'Prof', { locale: 'fr' });
      expect((await k.teacher.post(`/api/courses/${k.course.id}/teachers`, { email: fr.user!.email })).status).toBeLessThan(300);
      const lines = (await fr.get(`${reportPath()}.csv`)).raw.body.slice(1).split('\r\n');
      expect(lines[0]).toBe('Élève,E-mail,Travail préparatoire fait,Travail préparatoire demandé,Présent,Minutes de présence,Réponses aux sondages,Questions,Mains levées,Consolidation faite,Consolidation assignée');
      expect(lines[2]).toBe(`Ada Lovelace,${k.students.ada.user!.email},2,2,oui,35,2,2,1,1,1`);
      expect(lines[4]).toContain(',non,');
    });

    it('is for the course’s teachers: 401 signed out, 403 students, 404 outsiders and unknown lessons', async () => {
      const outsider = await signUp(ctx.app, 'Outsider');
      const anonymous = new TestClient(ctx.app);
      for (const suffix of ['', '.csv']) {
        expect((await k.students.ada.get(`${reportPath()}${suffix}`)).status).toBe(403);
        expect((await outsider.get(`${reportPath()}${suffix}`)).status).toBe(404);
        expect((await anonymous.get(`${reportPath()}${suffix}`)).status).toBe(401);
        expect((await k.teacher.get(`/api/lessons/no-such-lesson/report${suffix}`)).status).toBe(404);
      }
      const refused = await k.students.ada.get(`${reportPath()}.csv`);
      expect(refused.headers['content-type']).toContain('application/json');
      expect(refused.body.error.code).toBeTruthy();
    });
  });
});
