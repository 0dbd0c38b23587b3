import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomView } from '../../shared/realtime/protocol.ts';
import { migrateToLatest, openDatabase, type Database } from '../db/database.ts';
import { freshPostgresUrl, HttpClient, signUpOver, startServer, type ServerProcess } from '../testing/server-process.ts';
import { startBalancer } from '../testing/tcp-balancer.ts';
import { LiveTestClient } from './live-test-client.ts';

const DATABASE = process.env.TEST_DATABASE_URL;
const REDIS = process.env.TEST_REDIS_URL;

/** What a user's screen shows, minus who is connected right now and the version counter. */
const screen = (v: RoomView) => ({ step: v.step, pace: v.pace, poll: v.poll, questions: v.questions, hands: v.hands, groups: v.groups, chat: v.chat, me: v.me });

/**
 * Issue 6: three Tandem server processes on one PostgreSQL and one Redis. The teacher is on node 1,
 * students on nodes 2 and 3; everything reaches everyone; node 2 dies (SIGKILL) and its students,
 * sent on by the load balancer to node 3, lose nothing and get the whole room back.
 */
describe.skipIf(!DATABASE || !REDIS)('three server processes over one PostgreSQL and one Redis', () => {
  let database: Database;
  let nodes: ServerProcess[] = [];
  let balancer: Awaited<ReturnType<typeof startBalancer>>;
  const sockets: LiveTestClient[] = [];

  beforeAll(async () => {
    const { url } = await freshPostgresUrl(DATABASE!);
    database = openDatabase(url, { poolSize: 2 });
    // Migrations run once, before any node starts (docs/deploy.md, zero-downtime deploys).
    await migrateToLatest(database);
    // The jobs poller runs on every node, as in production: end-of-session work must still run once.
    const env = { DATABASE_URL: url, REDIS_URL: REDIS!, JOBS_POLLER: '1', JOBS_POLL_MS: '100' };
    nodes = await Promise.all([1, 2, 3].map((n) => startServer(env, { name: `node ${n}` })));
    // Node 2's students come through a balancer whose upstreams are node 2, then node 3.
    balancer = await startBalancer([nodes[1]!.port, nodes[2]!.port]);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await balancer?.close();
    await Promise.all(nodes.map((n) => n.crash()));
    await database?.close();
  });

  it('keeps one room across the nodes, and loses nothing when a node dies', { timeout: 60_000 }, async () => {
    const [node1, node2, node3] = nodes as [ServerProcess, ServerProcess, ServerProcess];

    // -- Set-up over HTTP, each user on a different node (sessions live in the shared database).
    const teacher = await signUpOver(node1.url, 'Teacher');
    const course = (await teacher.post('/api/courses', { title: 'Biology 101' })).body.course as { id: string; joinCode: string };
    const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const lessonId = (await teacher.post(`/api/courses/${course.id}/lessons`, { title: 'Photosynthesis', live: { startsAt, durationMinutes: 60 } })).body.lesson.id as string;
    const add = async (body: object) => {
      const res = await teacher.post(`/api/lessons/${lessonId}/activities`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.activity.id as string;
    };
    await add({ phase: 'live', type: 'page', title: 'Warm-up', content: { markdown: 'Hello' } });
    const pollId = await add({ phase: 'live', type: 'poll', title: 'Check-in', content: { question: 'Ready?', choices: ['Yes', 'No', 'Almost'] } });
    await add({ phase: 'live', type: 'reflection', title: 'Exit ticket', content: { prompt: 'One thing you learnt' } });

    const signUpAndJoin = async (url: string, name: string) => {
      const client = await signUpOver(url, name);
      expect((await client.post('/api/courses/join', { code: course.joinCode })).status).toBe(200);
      return client;
    };
    const [ana, ben, chloe, dev] = await Promise.all([
      signUpAndJoin(node2.url, 'Ana'),
      signUpAndJoin(node2.url, 'Ben'),
      signUpAndJoin(node3.url, 'Chloe'),
      signUpAndJoin(node3.url, 'Dev'),
    ]);
    await signUpAndJoin(node1.url, 'Absent Eve');

    // -- Sockets: teacher → node 1; Ana and Ben → node 2 (through the balancer); Chloe and Dev → node 3.
    const open = async (url: string, client: HttpClient) => {
      const socket = new LiveTestClient(url, client.cookie);
      sockets.push(socket);
      await socket.connect();
      const ack = await socket.join(lessonId);
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      return socket;
    };
    const t = await open(node1.url, teacher);
    const [a, b] = [await open(balancer.url, ana), await open(balancer.url, ben)];
    const [c, d] = [await open(node3.url, chloe), await open(node3.url, dev)];
    const students = [a, b, c, d];
    const everyone = [t, ...students];
    const ok = async (socket: LiveTestClient, command: Parameters<LiveTestClient['send']>[0]) => {
      const ack = await socket.send(command);
      expect(ack, `${command.type}: ${JSON.stringify(ack)}`).toEqual({ ok: true });
    };
    const all = (predicate: (v: RoomView) => boolean, who = everyone) => Promise.all(who.map((s) => s.until(predicate)));
    const id = (client: HttpClient) => client.user!.id;

    await t.until((v) => v.present.length === 5);

    // Run-sheet: the teacher's step reaches every screen.
    await ok(t, { type: 'step.next' });
    await all((v) => v.step === 1 && v.me.step === 1);

    // Poll opened on node 1, answered from nodes 2 and 3, results back on node 1.
    await ok(t, { type: 'poll.open', activityId: pollId });
    const opened = await a.until((v) => v.poll?.status === 'open');
    const poll = opened.poll!.id;
    await all((v) => v.poll?.id === poll && v.poll.status === 'open', students);
    await Promise.all(students.map((s, i) => ok(s, { type: 'poll.answer', pollId: poll, choice: i % 2 })));
    const results = await t.until((v) => v.poll?.results?.total === 4);
    expect(results.poll!.results!.counts).toEqual([2, 2, 0]);

    // Questions and votes, across nodes.
    await ok(a, { type: 'question.ask', text: 'Why are leaves green?' });
    const question = (await c.until((v) => v.questions.length === 1)).questions[0]!;
    await ok(c, { type: 'question.vote', questionId: question.id });
    await ok(d, { type: 'question.ask', text: 'Do cacti photosynthesise?' });
    await all((v) => v.questions.length === 2 && v.questions.some((q) => q.id === question.id && q.votes === 1));
    const cactus = t.view!.questions.find((q) => q.text.startsWith('Do cacti'))!;
    await ok(t, { type: 'question.answered', questionId: cactus.id, answered: true });
    await all((v) => v.questions.some((q) => q.id === cactus.id && q.answered));

    // Hands: raised on nodes 2 and 3, the ordered queue seen by the teacher on node 1.
    await ok(b, { type: 'hand.raise', note: 'Stuck on step 3' });
    await ok(d, { type: 'hand.raise' });
    const queue = await t.until((v) => v.hands.length === 2);
    expect(queue.hands.map((h) => h.userId)).toEqual([id(ben), id(dev)]);
    expect(queue.hands[0]!.note).toBe('Stuck on step 3');
    await all((v) => v.hands.length === 2, students);

    // Breakout groups spanning the nodes; each student sees only their own group.
    await ok(t, {
      type: 'groups.assign',
      strategy: { kind: 'manual', groups: [{ name: 'Red', userIds: [id(ana), id(chloe)] }, { name: 'Blue', userIds: [id(ben), id(dev)] }] },
      task: 'Explain the light reactions',
      durationSeconds: 600,
    });
    const groupOf = (v: RoomView) => v.groups?.groups.map((g) => g.name);
    await Promise.all([a.until((v) => groupOf(v)?.join() === 'Red'), c.until((v) => groupOf(v)?.join() === 'Red'), b.until((v) => groupOf(v)?.join() === 'Blue'), d.until((v) => groupOf(v)?.join() === 'Blue')]);
    expect(groupOf(await t.until((v) => v.groups?.groups.length === 2))).toEqual(['Red', 'Blue']);
    await ok(c, { type: 'chat.send', text: 'Red group: hi from node 3', scope: 'group' });
    await a.until((v) => v.groups?.groups[0]?.chat.some((m) => m.text === 'Red group: hi from node 3') ?? false);

    // Node 2's students send a last few things, get their acks, and node 2 dies at once.
    await ok(a, { type: 'poll.answer', pollId: poll, choice: 2 });
    await ok(a, { type: 'chat.send', text: 'Last words from node 2' });
    await ok(b, { type: 'question.vote', questionId: question.id });
    await ok(b, { type: 'hand.raise', note: 'Still stuck on step 3' });
    // (and wait until their screens show all of it, so there is a "before" to compare with)
    await all((v) => v.questions.some((q) => q.id === question.id && q.votes === 2) && v.chat.some((m) => m.text === 'Last words from node 2'));
    await t.until((v) => v.hands[0]?.note === 'Still stuck on step 3' && v.poll?.results?.counts.join() === '1,2,1');
    const beforeCrash = { a: screen(a.view!), b: screen(b.view!) };
    await node2.crash();

    // The balancer sends them to node 3; their clients re-join by themselves and get the whole room.
    const [aBack, bBack] = await Promise.all([a.until(() => a.joins === 2, 15_000), b.until(() => b.joins === 2, 15_000)]);
    expect(screen(aBack)).toEqual(beforeCrash.a);
    expect(screen(bBack)).toEqual(beforeCrash.b);
    expect(aBack.me.pollAnswer).toEqual({ pollId: poll, choice: [2] });
    expect(aBack.chat.map((m) => m.text)).toContain('Last words from node 2');
    expect(aBack.groups!.groups.map((g) => g.name)).toEqual(['Red']);
    expect(bBack.me.hand?.note).toBe('Still stuck on step 3');
    expect(bBack.me.votedQuestionIds).toEqual([question.id]);
    expect(bBack.questions.find((q) => q.id === question.id)!.votes).toBe(2);
    // The teacher (node 1) sees everyone present again, with nothing of theirs lost.
    const teacherView = await t.until((v) => v.present.length === 5 && v.poll?.results?.counts.join() === '1,2,1');
    expect(teacherView.hands.map((h) => h.userId)).toEqual([id(ben), id(dev)]);

    // And they carry on from node 3: their commands reach node 1, node 1's reach them.
    await ok(a, { type: 'poll.answer', pollId: poll, choice: 1 });
    await t.until((v) => v.poll?.results?.counts.join() === '1,3,0');
    await ok(b, { type: 'hand.lower' });
    await t.until((v) => v.hands.length === 1);
    await ok(t, { type: 'step.next' });
    await all((v) => v.step === 2);
    // A moved student's folded view equals what a fresh join would give them.
    const fresh = new LiveTestClient(node1.url, ana.cookie);
    sockets.push(fresh);
    await fresh.connect();
    const freshAck = await fresh.join(lessonId);
    expect(freshAck.ok && screen(freshAck.state)).toEqual(screen(a.view!));

    // Everything sent is in the database, once.
    const db = database.db;
    const answers = await db.selectFrom('responses').select(['user_id', 'body', 'mode']).where('activity_id', '=', pollId).execute();
    expect(Object.fromEntries(answers.map((r) => [r.user_id, JSON.parse(r.body).choice]))).toEqual({ [id(ana)]: 1, [id(ben)]: 1, [id(chloe)]: 0, [id(dev)]: 1 });
    expect(new Set(answers.map((r) => r.mode))).toEqual(new Set(['live']));
    expect((await db.selectFrom('question_votes').select('user_id').where('question_id', '=', question.id).execute()).map((v) => v.user_id).sort()).toEqual([id(ben), id(chloe)].sort());
    expect((await db.selectFrom('live_chat_messages').select('text').where('lesson_id', '=', lessonId).where('user_id', '=', id(ana)).execute()).map((m) => m.text)).toEqual(['Last words from node 2']);
    const hands = await db.selectFrom('live_hands').select(['user_id', 'note', 'status']).where('lesson_id', '=', lessonId).orderBy('raised_at').execute();
    expect(hands).toEqual([
      { user_id: id(ben), note: 'Still stuck on step 3', status: 'lowered' },
      { user_id: id(dev), note: '', status: 'waiting' },
    ]);

    // Ending the session: the end-of-session job runs once although three pollers (and node 1's
    // gateway) all look for it.
    await ok(t, { type: 'session.end' });
    await all((v) => v.status === 'ended', [t, a, b, c, d]);
    const deadline = Date.now() + 15_000;
    let job: { done_at: string | null; attempts: number; last_error: string | null } | undefined;
    while (Date.now() < deadline) {
      job = await db.selectFrom('jobs').select(['done_at', 'attempts', 'last_error']).where('kind', '=', 'live.finish').where('payload', 'like', `%${lessonId}%`).executeTakeFirst();
      if (job?.done_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ attempts: 1, last_error: null });
    expect(job!.done_at).not.toBeNull();
    expect(await db.selectFrom('live_summaries').select('lesson_id').where('lesson_id', '=', lessonId).execute()).toHaveLength(1);
    // The unanswered question became one thread, not three; Eve got one catch-up copy per live activity.
    const posts = await db.selectFrom('discussion_posts').innerJoin('activities', 'activities.id', 'discussion_posts.activity_id').select('discussion_posts.body').where('activities.lesson_id', '=', lessonId).execute();
    expect(posts.map((p) => p.body)).toEqual(['Why are leaves green?']);
    expect(await db.selectFrom('live_catchups').select('user_id').where('lesson_id', '=', lessonId).execute()).toHaveLength(3);

    // Only WebSocket: the long-polling transport is refused, so no sticky sessions are needed.
    const polling = await fetch(`${node1.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
    expect(node3.output()).not.toMatch(/"level":(50|60)/);
  });
});
