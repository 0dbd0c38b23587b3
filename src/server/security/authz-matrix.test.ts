import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCommand, type ClientCommandInput, type CommandType, type RoomView } from '../../shared/realtime/protocol.ts';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/schemas/courses.ts';
import { generateJoinCode } from '../modules/courses/courses.service.ts';
import { LiveTestClient } from '../realtime/live-test-client.ts';
import { testDatabases } from '../testing/databases.ts';
import { createTestApp, signUp, TestClient, type TestContext } from '../testing/test-app.ts';
import { MATRIX } from './authz-matrix.ts';
import { buildWorld, call, ROLES, SECRETS, type RawResponse, type RoleName, type World } from './world.ts';

/** Every (method, path) the OpenAPI document lists. */
async function documentedRoutes(ctx: TestContext): Promise<string[]> {
  const doc = (await call(ctx.app, undefined, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
}

/** Every string and number in a JSON value, and every key, for deep scans. */
function walk(value: unknown, visit: (key: string | null, leaf: unknown) => void, key: string | null = null): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) {
    visit(k, v);
    walk(v, visit, k);
  }
  else visit(key, value);
}

function leaks(bodies: unknown[], forbidden: (string | number)[], forbiddenKeys: string[] = []): string[] {
  const found: string[] = [];
  for (const body of bodies) {
    walk(body, (key, leaf) => {
      if (key !== null && forbiddenKeys.includes(key)) found.push(`key ${key}`);
      if (typeof leaf === 'string' && forbidden.some((f) => typeof f === 'string' && leaf.includes(f))) found.push(`string ${leaf.slice(0, 80)}`);
      if (typeof leaf === 'number' && forbidden.includes(leaf)) found.push(`number ${leaf}`);
    });
  }
  return found;
}

describe.each(testDatabases())('authorization matrix on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    let ctx: TestContext;
    let w: World;
    let uploads: string;
    beforeAll(async () => {
      uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-authz-'));
      // Re-signing roles in after logout rows must not trip the sign-in limit.
      ctx = await createTestApp(dialect, { uploadsDir: uploads, loginRateLimit: { max: 10_000, windowMs: 60_000 } });
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      w = await buildWorld(ctx.app);
    }, 60_000);
    afterAll(async () => {
      await ctx?.close();
      fs.rmSync(uploads, { recursive: true, force: true });
    });

    it('has a row for every route of the OpenAPI document (a new route without a row fails here)', async () => {
      const documented = await documentedRoutes(ctx);
      const rows = MATRIX.map((r) => r.route);
      const missing = documented.filter((r) => !rows.includes(r)).map((r) => `new route without a row: ${r}`);
      const stale = rows.filter((r) => !documented.includes(r)).map((r) => `row for a route that no longer exists: ${r}`);
      const twice = rows.filter((r, i) => rows.indexOf(r) !== i).map((r) => `two rows for: ${r}`);
      expect([...missing, ...stale, ...twice]).toEqual([]);
      expect(documented.length).toBeGreaterThan(80);
    });

    it('answers every route with the exact status for every role', async () => {
      const wrong: string[] = [];
      for (const row of MATRIX) {
        const [method] = row.route.split(' ') as [string];
        for (const role of ROLES) {
          const req = await row.request(w, role);
          const res = await call(ctx.app, w.cookieOf(role), method, req.url, { json: req.json, raw: req.raw, contentType: req.contentType });
          const expected = row.expect[role];
          if (res.status !== expected) wrong.push(`${row.route} as ${role}: expected ${expected}, got ${res.status} ${res.text.slice(0, 160)}`);
          // Refusals always have the documented shape.
          if (res.status >= 400 && !(typeof res.body?.error?.code === 'string' && typeof res.body.error.message === 'string')) wrong.push(`${row.route} as ${role}: ${res.status} without the error shape`);
          if (row.endsSession) await w.heal(role);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('never shows a student a classmate’s responses, scores, feedback, email, or who asked a question', async () => {
      const bodies: RawResponse[] = [];
      for (const row of MATRIX.filter((r) => r.route.startsWith('GET ') && r.expect.student === 200)) {
        const req = await row.request(w, 'student');
        bodies.push(await call(ctx.app, w.cookieOf('student'), 'GET', req.url));
      }
      // What a student can ask for about the classmate's own things directly.
      bodies.push(await call(ctx.app, w.cookieOf('student'), 'GET', `/api/activities/${w.activities.reflection}`));
      expect(bodies.every((b) => b.status === 200)).toBe(true);
      const classmate = w.users.classmate.user!;
      const found = leaks(
        bodies.map((b) => (typeof b.body === 'string' ? [b.body] : b.body)),
        [SECRETS.classmateReflection, SECRETS.classmateFeedback, SECRETS.classmateScore, SECRETS.classmateMaxScore, classmate.email],
        ['askedBy'],
      );
      expect(found).toEqual([]);
      const mine = bodies.flatMap((b) => (typeof b.text === 'string' ? [b.text] : []));
      expect(mine.some((t) => t.includes(w.users.student.user!.email))).toBe(true);
      expect(mine.join('\n')).not.toContain(classmate.email);
      // The same refusals a student gets for a classmate's response.
      expect((await call(ctx.app, w.cookieOf('student'), 'PUT', `/api/responses/${w.responses.classmate}/feedback`, { json: { text: 'x' } })).status).toBe(403);
      const questions = (await call(ctx.app, w.cookieOf('student'), 'GET', `/api/activities/${w.activities.questionBox}/questions`)).body.questions as Record<string, unknown>[];
      expect(questions.length).toBeGreaterThan(1);
      expect(questions.every((q) => !('askedBy' in q))).toBe(true);
      const teacherView = (await call(ctx.app, w.cookieOf('teacher'), 'GET', `/api/activities/${w.activities.questionBox}/questions`)).body.questions as { askedBy?: { userId: string } }[];
      expect(teacherView.map((q) => q.askedBy?.userId)).toContain(classmate.id);
    });

    it('never sends a student a quiz’s answers before (or, unless the quiz says so, after) submitting', async () => {
      const scan = async (label: string) => {
        const urls = [`/api/activities/${w.activities.quiz}`, `/api/lessons/${w.lesson.id}`, '/api/me/work', `/api/activities/${w.activities.quiz}/response`, '/api/me/export', `/api/courses/${w.course.id}`];
        const bodies = await Promise.all(urls.map((u) => call(ctx.app, w.cookieOf('student'), 'GET', u)));
        expect(bodies.map((b) => b.status), label).toEqual(urls.map(() => 200));
        return leaks(bodies.map((b) => b.body), [SECRETS.textAnswer, SECRETS.numericAnswer], ['answer']);
      };
      expect(await scan('before')).toEqual([]);
      const fresh = await signUp(ctx.app, 'Quiz taker');
      await fresh.post('/api/courses/join', { code: (await w.users.teacher.get(`/api/courses/${w.course.id}`)).body.course.joinCode });
      const submitted = await fresh.post(`/api/activities/${w.activities.quiz}/submit`, { answers: [0, [1], 'wrong', 1] });
      expect(submitted.status).toBe(200);
      expect(leaks([submitted.body], [SECRETS.textAnswer, SECRETS.numericAnswer], ['answer'])).toEqual([]);
      expect(await scan('after')).toEqual([]);
      // Teachers do see them.
      const teacher = await call(ctx.app, w.cookieOf('teacher'), 'GET', `/api/activities/${w.activities.quiz}`);
      expect(teacher.text).toContain(SECRETS.textAnswer);

      // Live: a quiz item opened in the room shows no right answer to students until revealed.
      const liveLessonId = (await w.users.teacher.post(`/api/courses/${w.course.id}/lessons`, { title: 'Live quiz', live: { startsAt: w.startsAt, durationMinutes: 30 } })).body.lesson.id as string;
      const quizId = (await w.users.teacher.post(`/api/lessons/${liveLessonId}/activities`, { phase: 'live', type: 'quiz', title: 'Exit', content: { items: [{ prompt: 'Which?', kind: 'single', choices: ['p', 'q', 'r', 's'], answer: 3 }] } })).body.activity.id;
      const t = new LiveTestClient(baseUrl(), w.users.teacher.cookie);
      const s = new LiveTestClient(baseUrl(), w.users.student.cookie);
      try {
        await t.connect();
        await s.connect();
        expect((await t.join(liveLessonId)).ok).toBe(true);
        expect((await s.join(liveLessonId)).ok).toBe(true);
        expect(await t.send({ type: 'poll.open', activityId: quizId })).toEqual({ ok: true });
        const open = await s.until((v) => v.poll !== null);
        expect(open.poll).toMatchObject({ correct: null, results: null, responses: null });
        expect((await t.until((v) => v.poll !== null)).poll!.correct).toEqual([3]);
        await s.send({ type: 'poll.answer', pollId: open.poll!.id, choice: 0 });
        const before = s.events.slice();
        expect(before.length).toBeGreaterThan(0);
        for (const event of before) if ('poll' in event && event.poll) expect(event.poll.correct).toBeNull();
        expect(JSON.stringify(before)).not.toMatch(/"correct":\[/);
        await t.send({ type: 'poll.reveal' });
        expect((await s.until((v) => v.poll?.revealed === true)).poll!.correct).toEqual([3]);
      } finally {
        t.close();
        s.close();
      }
    });

    it('hides an activity given to other students (targeted post-work, catch-up copies) from everyone else', async () => {
      const { teacher, student, classmate } = w.users;
      const only = (await teacher.post(`/api/lessons/${w.scratch.id}/activities`, { phase: 'post', type: 'discussion', title: 'Only for the classmate', content: { prompt: 'Just you' } })).body.activity.id as string;
      expect((await teacher.post(`/api/activities/${only}/targets`, { rule: 'manual', userIds: [classmate.user!.id] })).status).toBe(200);
      const tries = [
        await student.get(`/api/activities/${only}`),
        await student.get(`/api/activities/${only}/posts`),
        await student.post(`/api/activities/${only}/posts`, { body: 'sneaking in' }),
        await student.put(`/api/activities/${only}/response`, { done: true }),
        await student.post(`/api/activities/${only}/submit`, { done: true }),
        await student.get(`/api/activities/${only}/response`),
      ];
      expect(tries.map((t) => t.status)).toEqual([404, 404, 404, 404, 404, 404]);
      expect(JSON.stringify((await student.get(`/api/lessons/${w.scratch.id}`)).body)).not.toContain(only);
      expect(JSON.stringify((await student.get('/api/me/work')).body)).not.toContain(only);
      expect((await classmate.get(`/api/activities/${only}`)).status).toBe(200);
      expect((await classmate.post(`/api/activities/${only}/posts`, { body: 'mine to answer' })).status).toBe(201);
    });

    it('shows in an ICS feed only its owner’s sessions, and only to the holder of the token', async () => {
      const feed = async (url: string) => (await call(ctx.app, undefined, 'GET', new URL(url).pathname)).text;
      const mine = await feed((await w.users.student.get('/api/me/calendar')).body.url);
      const theirs = await feed((await w.users.otherStudent.get('/api/me/calendar')).body.url);
      const uid = async (lessonId: string) => `${(await w.users.teacher.get(`/api/lessons/${lessonId}/live`)).body.live?.id}@tandem`;
      const ours = await uid(w.lesson.id);
      const otherSession = `${(await w.users.otherTeacher.get(`/api/lessons/${w.otherLesson.id}/live`)).body.live.id}@tandem`;
      expect(mine).toContain(`UID:${ours}`);
      expect(mine).not.toContain(otherSession);
      expect(theirs).toContain(`UID:${otherSession}`);
      expect(theirs).not.toContain(ours);
      expect(mine).not.toContain('History');
      // A guessed or altered token finds nothing; a reset token stops working.
      const token = w.tokenOf((await w.users.student.get('/api/me/calendar')).body.url);
      const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      expect((await call(ctx.app, undefined, 'GET', `/api/calendar/${altered}.ics`)).status).toBe(404);
      expect((await call(ctx.app, undefined, 'GET', `/api/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
      const reset = await w.users.student.post('/api/me/calendar/reset');
      expect(reset.status).toBe(200);
      expect((await call(ctx.app, undefined, 'GET', `/api/calendar/${token}.ics`)).status).toBe(404);
      expect((await call(ctx.app, undefined, 'GET', new URL(reset.body.url).pathname)).status).toBe(200);
      expect(Buffer.from(w.tokenOf(reset.body.url), 'base64url').length).toBeGreaterThanOrEqual(16);
    });

    it('makes join codes unguessable: about 39 bits of uniform randomness, and 20 tries a minute', async () => {
      expect(JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length)).toBeGreaterThan(39);
      const codes = Array.from({ length: 20_000 }, () => generateJoinCode());
      expect(new Set(codes).size).toBe(codes.length);
      const counts = new Map<string, number>();
      for (const c of codes.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect([...counts.keys()].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''));
      // Chi-square over 31 symbols (30 degrees of freedom): far below 70 unless the draw is biased.
      const expected = (codes.length * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
      const chi = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
      expect(chi).toBeLessThan(70);
      const guesser = await signUp(ctx.app, 'Guesser');
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await guesser.post('/api/courses/join', { code: generateJoinCode() })).status);
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      // Anonymous guessing is refused outright (sign in first) and limited per address too.
      expect((await new TestClient(ctx.app).post('/api/courses/join', { code: generateJoinCode() })).status).toBe(401);
    });

    function baseUrl(): string {
      return `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
    }

    it('answers every live-room command as every role with the exact ack', async () => {
      const commandTypes = ClientCommand.options.map((o) => o.shape.type.value);
      const listed = LIVE_MATRIX.map((r) => r.type);
      expect(commandTypes.filter((t) => !listed.includes(t)).map((t) => `new live command without a row: ${t}`)).toEqual([]);
      expect(listed.filter((t, i) => listed.indexOf(t) !== i)).toEqual([]);

      // Anonymous: the handshake itself is refused.
      const anonymous = new LiveTestClient(baseUrl(), undefined);
      await expect(anonymous.connect()).rejects.toThrow('unauthenticated');
      anonymous.close();

      const sockets = new Map<RoleName, LiveTestClient>();
      try {
        const joins: Record<string, string> = {};
        for (const role of ROLES.filter((r) => r !== 'anonymous')) {
          const socket = new LiveTestClient(baseUrl(), w.cookieOf(role));
          await socket.connect();
          sockets.set(role, socket);
          const ack = await socket.join(w.lesson.id);
          joins[role] = ack.ok ? 'ok' : ack.error.code;
        }
        expect(joins).toEqual({ noCourse: 'not_found', otherStudent: 'not_found', student: 'ok', otherTeacher: 'not_found', teacher: 'ok', admin: 'not_found' });
        const teacher = sockets.get('teacher')!;
        const wrong: string[] = [];
        for (const row of LIVE_MATRIX) {
          for (const role of ['noCourse', 'otherStudent', 'otherTeacher', 'admin', 'student', 'teacher'] as const) {
            const expected = role === 'student' ? row.student : role === 'teacher' ? row.teacher : 'not_joined';
            const command = row.command(teacher.view!, w);
            const ack = await sockets.get(role)!.send(command);
            const got = ack.ok ? 'ok' : ack.error.code;
            if (got !== expected) wrong.push(`${row.type} as ${role}: expected ${expected}, got ${got}${ack.ok ? '' : ` (${ack.error.message})`}`);
            // Let the teacher's view catch up before the next row reads ids from it.
            if (ack.ok) await teacher.until((v) => v.version >= 0);
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(wrong).toEqual([]);
        // The end-of-session work runs in the background: let it finish before the app closes.
        for (let i = 0; i < 100 && (await call(ctx.app, w.cookieOf('teacher'), 'GET', `/api/lessons/${w.lesson.id}/live/summary`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
      } finally {
        for (const s of sockets.values()) s.close();
      }
    }, 60_000);
  });
});

type LiveRow = { type: CommandType; command: (teacherView: RoomView, w: World) => ClientCommandInput; student: string; teacher: string };

/**
 * Every live-room command with the ack each member gets, in an order where each runs in a
 * meaningful state (the student sends first, then the teacher). Outsiders get `not_joined`.
 */
const LIVE_MATRIX: LiveRow[] = [
  { type: 'pace.set', command: () => ({ type: 'pace.set', pace: 'student' }), student: 'forbidden', teacher: 'ok' },
  { type: 'step.goto', command: () => ({ type: 'step.goto', index: 1 }), student: 'ok', teacher: 'ok' },
  { type: 'step.next', command: () => ({ type: 'step.next' }), student: 'ok', teacher: 'ok' },
  { type: 'step.prev', command: () => ({ type: 'step.prev' }), student: 'ok', teacher: 'ok' },
  { type: 'pace.recall', command: () => ({ type: 'pace.recall' }), student: 'forbidden', teacher: 'ok' },
  { type: 'poll.open', command: (_v, w) => ({ type: 'poll.open', activityId: w.activities.livePoll }), student: 'forbidden', teacher: 'ok' },
  { type: 'poll.answer', command: (v) => ({ type: 'poll.answer', pollId: v.poll?.id ?? 'none', choice: 1 }), student: 'ok', teacher: 'forbidden' },
  { type: 'poll.reveal', command: () => ({ type: 'poll.reveal' }), student: 'forbidden', teacher: 'ok' },
  { type: 'poll.close', command: () => ({ type: 'poll.close' }), student: 'forbidden', teacher: 'ok' },
  { type: 'question.ask', command: () => ({ type: 'question.ask', text: 'Why is the sky blue?' }), student: 'ok', teacher: 'ok' },
  { type: 'question.vote', command: (v) => ({ type: 'question.vote', questionId: v.questions[0]?.id ?? 'none' }), student: 'ok', teacher: 'ok' },
  { type: 'question.answered', command: (v) => ({ type: 'question.answered', questionId: v.questions[0]?.id ?? 'none', answered: true }), student: 'forbidden', teacher: 'ok' },
  { type: 'hand.raise', command: () => ({ type: 'hand.raise', note: 'stuck on 2' }), student: 'ok', teacher: 'forbidden' },
  { type: 'help.next', command: () => ({ type: 'help.next' }), student: 'forbidden', teacher: 'ok' },
  { type: 'help.resolve', command: () => ({ type: 'help.resolve' }), student: 'forbidden', teacher: 'ok' },
  { type: 'hand.lower', command: () => ({ type: 'hand.lower' }), student: 'ok', teacher: 'forbidden' },
  { type: 'groups.assign', command: () => ({ type: 'groups.assign', strategy: { kind: 'random', count: 1 }, task: 'Draw it' }), student: 'forbidden', teacher: 'ok' },
  { type: 'groups.broadcast', command: () => ({ type: 'groups.broadcast', text: 'Two minutes left' }), student: 'forbidden', teacher: 'ok' },
  { type: 'chat.send', command: () => ({ type: 'chat.send', text: 'hello', scope: 'room' }), student: 'ok', teacher: 'ok' },
  { type: 'groups.end', command: () => ({ type: 'groups.end' }), student: 'forbidden', teacher: 'ok' },
  { type: 'chat.mute', command: (_v, w) => ({ type: 'chat.mute', userId: w.users.student.user!.id }), student: 'forbidden', teacher: 'ok' },
  { type: 'chat.unmute', command: (_v, w) => ({ type: 'chat.unmute', userId: w.users.student.user!.id }), student: 'forbidden', teacher: 'ok' },
  { type: 'timer.start', command: () => ({ type: 'timer.start', seconds: 60 }), student: 'forbidden', teacher: 'ok' },
  { type: 'timer.stop', command: () => ({ type: 'timer.stop' }), student: 'forbidden', teacher: 'ok' },
  { type: 'session.end', command: () => ({ type: 'session.end' }), student: 'forbidden', teacher: 'ok' },
];
