import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientCommandInput } from '../../shared/realtime/protocol.ts';
import { migrateToLatest, openDatabase, type Database, type Dialect } from '../db/database.ts';
import { LiveTestClient } from '../realtime/live-test-client.ts';
import { testDatabases } from '../testing/databases.ts';
import { seedClass, type SeededUser } from '../testing/seed-class.ts';
import { freePort, freshPostgresUrl, HttpClient, startServer, type ServerProcess } from '../testing/server-process.ts';

const STUDENTS = 50;
const DRAFTS = 8;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Each student's work, in order: drafts (autosave), a live poll answer halfway, then the quiz submit. */
type Op = { kind: 'draft'; n: number } | { kind: 'poll'; choice: number } | { kind: 'submit' };
const plan = (i: number): Op[] => [
  ...Array.from({ length: DRAFTS / 2 }, (_, k) => ({ kind: 'draft' as const, n: k + 1 })),
  { kind: 'poll', choice: i % 3 },
  ...Array.from({ length: DRAFTS / 2 }, (_, k) => ({ kind: 'draft' as const, n: DRAFTS / 2 + k + 1 })),
  { kind: 'submit' },
];

/** What one student sent and what the server acknowledged (a 2xx, or an ok ack on the socket). */
type Ledger = { student: SeededUser; next: number; draftSent: number; draftAcked: number; pollAcked: number | undefined; submissionId: string; submitAcked: boolean; failure?: string };

async function databaseFor(dialect: Dialect): Promise<{ url: string; open(): Database }> {
  if (dialect === 'sqlite') {
    const file = path.join(tmp, `crash-${crypto.randomBytes(4).toString('hex')}.db`);
    return { url: file, open: () => openDatabase(file) };
  }
  const { url } = await freshPostgresUrl(process.env.TEST_DATABASE_URL!);
  return { url, open: () => openDatabase(url, { poolSize: 2 }) };
}

describe('SQLite durability settings', () => {
  it('runs in WAL mode with synchronous=FULL, so an acknowledged commit survives a crash', async () => {
    const file = path.join(tmp, 'pragmas.db');
    const database = openDatabase(file);
    await migrateToLatest(database);
    // synchronous is per connection: this is the connection setup the server uses.
    expect(database.sqlite!.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    await database.close();
    // WAL is a property of the file: a plain connection that sets nothing still sees it.
    const raw = new SQLite(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

describe.each(testDatabases())('a server crash (SIGKILL) under write load on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    const servers: ServerProcess[] = [];
    const sockets: LiveTestClient[] = [];
    afterAll(async () => {
      for (const s of sockets) s.close();
      await Promise.all(servers.map((s) => s.crash()));
    });

    it(`loses no acknowledged write of ${STUDENTS} students, duplicates nothing, and the live room resumes`, { timeout: 150_000 }, async () => {
      const target = await databaseFor(dialect);
      const seeding = target.open();
      await migrateToLatest(seeding);
      const cls = await seedClass(seeding, STUDENTS);
      await seeding.close();

      const port = await freePort();
      servers.push(await startServer({ DATABASE_URL: target.url }, { port, name: 'before the crash' }));
      const url = `http://127.0.0.1:${port}`;
      const teacher = new HttpClient(url, cls.teacher.cookie);
      const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
      const lessonId = (await teacher.post(`/api/courses/${cls.courseId}/lessons`, { title: 'Deadline day', live: { startsAt, durationMinutes: 60 } })).body.lesson.id as string;
      const add = async (body: object) => {
        const res = await teacher.post(`/api/lessons/${lessonId}/activities`, body);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.activity.id as string;
      };
      const reflectionId = await add({ phase: 'pre', type: 'reflection', title: 'Before class', content: { prompt: 'What do you expect?' } });
      // One attempt only: a retry counted as a second attempt would be refused (409), not hidden.
      const quizId = await add({ phase: 'pre', type: 'quiz', title: 'Check', content: { items: [{ prompt: '2+2?', kind: 'single', choices: ['3', '4'], answer: 1 }, { prompt: 'Capital of France?', kind: 'text', answer: ['Paris'] }] } });
      const pollActivityId = await add({ phase: 'live', type: 'poll', title: 'Pulse', content: { question: 'How is it going?', choices: ['Fine', 'So-so', 'Lost'] } });

      // The live room: the teacher opens a poll, every student is in the room.
      const connect = async (user: SeededUser) => {
        const socket = new LiveTestClient(url, user.cookie);
        sockets.push(socket);
        await socket.connect();
        const ack = await socket.join(lessonId);
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
        return socket;
      };
      const teacherSocket = await connect(cls.teacher);
      expect(await teacherSocket.send({ type: 'poll.open', activityId: pollActivityId })).toEqual({ ok: true });
      const pollId = teacherSocket.view!.poll!.id;
      const studentSockets = new Map<string, LiveTestClient>();
      for (const student of cls.students) studentSockets.set(student.id, await connect(student));

      const ledgers: Ledger[] = cls.students.map((student) => ({ student, next: 0, draftSent: 0, draftAcked: 0, pollAcked: undefined, submissionId: crypto.randomUUID(), submitAcked: false }));
      const totalOps = ledgers.length * plan(0).length;
      let acked = 0;
      let crashAt: () => void = () => undefined;
      const crashPoint = new Promise<void>((resolve) => (crashAt = resolve));

      /** A command whose ack may never come: it fails as soon as the socket drops. */
      const sendLive = (socket: LiveTestClient, command: ClientCommandInput) =>
        new Promise<{ ok: boolean }>((resolve, reject) => {
          const dropped = () => reject(new Error('disconnected'));
          socket.socket.once('disconnect', dropped);
          socket.send(command).then(
            (ack) => (socket.socket.off('disconnect', dropped), resolve(ack)),
            (error: unknown) => (socket.socket.off('disconnect', dropped), reject(error)),
          );
        });

      /** Runs a student's plan from where it stopped, until done or the first failure (then a client would retry). */
      const work = async (ledger: Ledger, index: number) => {
        const http = new HttpClient(url, ledger.student.cookie);
        const socket = studentSockets.get(ledger.student.id)!;
        const ops = plan(index);
        while (ledger.next < ops.length) {
          const op = ops[ledger.next]!;
          try {
            if (op.kind === 'draft') {
              ledger.draftSent = op.n;
              const res = await http.put(`/api/activities/${reflectionId}/response`, { text: `draft ${op.n} of ${ledger.student.name}` });
              if (res.status !== 200) throw new Error(`draft ${res.status} ${JSON.stringify(res.body)}`);
              ledger.draftAcked = op.n;
            } else if (op.kind === 'poll') {
              const ack = await sendLive(socket, { type: 'poll.answer', pollId, choice: op.choice });
              if (!ack.ok) throw new Error(`poll ${JSON.stringify(ack)}`);
              ledger.pollAcked = op.choice;
            } else {
              const res = await http.post(`/api/activities/${quizId}/submit`, { answers: [1, 'Paris'], submissionId: ledger.submissionId });
              if (res.status !== 200) throw new Error(`submit ${res.status} ${JSON.stringify(res.body)}`);
              ledger.submitAcked = true;
            }
          } catch (error) {
            ledger.failure = `${op.kind}: ${error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)}`;
            return; // not acknowledged: retried after the restart, exactly as sent
          }
          ledger.next += 1;
          acked += 1;
          if (acked === Math.floor(totalOps * 0.45)) crashAt();
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        }
      };

      // -- Phase 1: everybody works; SIGKILL lands mid-way, with requests in flight.
      const workers = ledgers.map((ledger, i) => work(ledger, i));
      await crashPoint;
      await servers[0]!.crash();
      await Promise.all(workers);
      const ackedBeforeCrash = acked;
      expect(ackedBeforeCrash).toBeGreaterThanOrEqual(Math.floor(totalOps * 0.45));
      expect(ackedBeforeCrash, 'the crash came too late to test anything').toBeLessThan(totalOps);

      // -- Restart on the same database (and port: the clients reconnect by themselves).
      servers.push(await startServer({ DATABASE_URL: target.url }, { port, name: 'after the crash' }));
      const check = target.open();
      try {
        const db = check.db;
        // Every acknowledged write is there (a write in flight at the kill may or may not be).
        const drafts = new Map((await db.selectFrom('responses').select(['user_id', 'body']).where('activity_id', '=', reflectionId).execute()).map((r) => [r.user_id, JSON.parse(r.body).text as string]));
        const polls = new Map((await db.selectFrom('responses').select(['user_id', 'body']).where('activity_id', '=', pollActivityId).execute()).map((r) => [r.user_id, JSON.parse(r.body).choice as number]));
        const quizzes = new Map((await db.selectFrom('responses').select(['user_id', 'submissions', 'attempts']).where('activity_id', '=', quizId).execute()).map((r) => [r.user_id, r]));
        for (const l of ledgers) {
          const stored = drafts.get(l.student.id);
          if (l.draftAcked > 0) expect([`draft ${l.draftAcked} of ${l.student.name}`, `draft ${l.draftSent} of ${l.student.name}`]).toContain(stored);
          if (l.pollAcked !== undefined) expect(polls.get(l.student.id)).toBe(l.pollAcked);
          if (l.submitAcked) expect(JSON.parse(quizzes.get(l.student.id)!.submissions).map((s: { submissionId: string }) => s.submissionId)).toEqual([l.submissionId]);
        }

        // The sockets reconnect and re-join by themselves, and get the whole room back.
        await Promise.all([teacherSocket, ...studentSockets.values()].map((s) => s.until(() => s.joins >= 2, 45_000)));
        // Everyone is present again: nobody's fresh join was undone by another's at the same moment.
        const room = await teacherSocket.until((v) => v.poll?.id === pollId && v.present.length === STUDENTS + 1);
        expect(room.poll!.status).toBe('open');
        expect(room.poll!.results!.total).toBe(polls.size);
        for (const l of ledgers) {
          const view = studentSockets.get(l.student.id)!.view!;
          expect(view.poll?.id).toBe(pollId);
          if (l.pollAcked !== undefined) expect(view.me.pollAnswer).toEqual({ pollId, choice: [l.pollAcked] });
        }

        // -- Phase 2: the clients retry what was not acknowledged (same content, same submissionId) and finish.
        await Promise.all(ledgers.map((ledger, i) => work(ledger, i)));
        expect(ledgers.filter((l) => l.next < plan(0).length).map((l) => l.failure), 'every student finished after the restart').toEqual([]);
        // Submitting again with the same submissionId (a double click, a retry after a lost answer) is counted once.
        await Promise.all(
          ledgers.map(async (l) => {
            const res = await new HttpClient(url, l.student.cookie).post(`/api/activities/${quizId}/submit`, { answers: [0, 'Lyon'], submissionId: l.submissionId });
            expect(res.status).toBe(200);
            expect({ score: res.body.score, attempt: res.body.attempt }).toEqual({ score: 2, attempt: 1 });
          }),
        );

        // One row per activity and student; one attempt per quiz; every draft's last version; every poll answer.
        const rows = await db.selectFrom('responses').select(['activity_id', 'user_id', 'body', 'attempts', 'submissions', 'score']).where('activity_id', 'in', [reflectionId, quizId, pollActivityId]).execute();
        expect(rows).toHaveLength(STUDENTS * 3);
        expect(new Set(rows.map((r) => `${r.activity_id}:${r.user_id}`)).size).toBe(STUDENTS * 3);
        for (const l of ledgers) {
          const mine = (activityId: string) => rows.find((r) => r.activity_id === activityId && r.user_id === l.student.id)!;
          expect(JSON.parse(mine(reflectionId).body).text).toBe(`draft ${DRAFTS} of ${l.student.name}`);
          expect(JSON.parse(mine(pollActivityId).body).choice).toBe(ledgers.indexOf(l) % 3);
          expect(Number(mine(quizId).attempts)).toBe(1);
          expect(Number(mine(quizId).score)).toBe(2);
          expect(JSON.parse(mine(quizId).submissions).map((s: { submissionId: string }) => s.submissionId)).toEqual([l.submissionId]);
        }
        // The readiness view's per-item results exist for every submission, once.
        const itemResults = await db.selectFrom('quiz_item_results').select(['user_id']).where('activity_id', '=', quizId).execute();
        expect(itemResults).toHaveLength(STUDENTS * 2);
        const final = await teacherSocket.until((v) => v.poll?.results?.total === STUDENTS);
        expect(final.poll!.results!.counts).toEqual([0, 1, 2].map((c) => ledgers.filter((_, i) => i % 3 === c).length));
        expect(servers[1]!.output()).not.toMatch(/"level":(50|60)/);
      } finally {
        await check.close();
      }
    });
  });
});
