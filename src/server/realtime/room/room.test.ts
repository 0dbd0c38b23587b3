import { describe, expect, it } from 'vitest';
import { handPosition } from '../../../shared/realtime/apply-event.ts';
import { RoomDriver, steps, students, teacher } from './room-fixtures.ts';
import { applyBatch } from './reduce.ts';
import type { Actor } from './state.ts';
import { viewFor } from './views.ts';

const [ada, ben, chloe] = students as [typeof students[0] & {}, typeof students[0] & {}, typeof students[0] & {}];
const view = (room: RoomDriver, actor: { userId: string; role: 'teacher' | 'student' }) => viewFor(room.state, actor);

function ok(result: ReturnType<RoomDriver['run']>) {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result;
}

describe('live room logic', () => {
  it('tracks presence and writes attendance once per arrival and departure, across several tabs', () => {
    const room = new RoomDriver();
    const first = ok(room.join(ada, 'tab1'));
    expect(first.effects).toEqual([{ type: 'attendance.joined', userId: 's1', at: expect.any(String) }]);
    // A student's arrival goes to the teachers and to that student, not to every other student.
    const joined = { type: 'member.joined', member: { userId: 's1', name: 'Ada', role: 'student' } };
    expect(first.events).toEqual([{ audience: { to: 'teachers' }, event: joined }, { audience: { to: 'users', userIds: ['s1'] }, event: joined }]);
    expect(ok(room.join(ada, 'tab2')).effects).toEqual([]);
    expect(ok(room.run(ada, { type: 'member.leave', socketId: 'tab1' })).effects).toEqual([]);
    expect(Object.keys(room.state.present)).toEqual(['s1']);
    const gone = ok(room.run(ada, { type: 'member.leave', socketId: 'tab2' }));
    expect(gone.effects[0]).toMatchObject({ type: 'attendance.left', userId: 's1' });
    expect(room.state.present).toEqual({});
  });

  it('lets a whole class leave at once in time linear in its size (one leave touches only the leaver)', () => {
    const room = new RoomDriver();
    const n = 5000;
    const actors = Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, name: `Student ${i}`, role: 'student' as const }));
    const context = (actor: Actor) => ({ actor, now: '2026-11-25T08:00:00.000Z', newId: 'x', seed: 1 });
    applyBatch(room.state, actors.map((actor) => ({ actor, commands: [{ type: 'member.join' as const, socketId: `${actor.userId}-a` }, { type: 'member.join' as const, socketId: `${actor.userId}-b` }] })), context);
    expect(Object.keys(room.state.present)).toHaveLength(n);
    const started = performance.now();
    // Every student's first tab closes (they stay present), then the second (they leave).
    const first = applyBatch(room.state, actors.map((actor) => ({ actor, commands: [{ type: 'member.leave' as const, socketId: `${actor.userId}-a` }] })), context);
    const second = applyBatch(room.state, actors.map((actor) => ({ actor, commands: [{ type: 'member.leave' as const, socketId: `${actor.userId}-b` }] })), context);
    const elapsed = performance.now() - started;
    expect(first.every((r) => r.ok && r.effects.length === 0)).toBe(true);
    expect(second.every((r, i) => r.ok && r.effects.length === 1 && r.effects[0]!.type === 'attendance.left' && r.effects[0]!.userId === actors[i]!.userId)).toBe(true);
    expect(room.state.present).toEqual({});
    // Going through everyone present for each leave: 2 × 25 million steps, 49 s on the bench machine.
    expect(elapsed).toBeLessThan(1000);
  });

  it('drops ghost sockets left by a crashed node on presence.sync', () => {
    const room = new RoomDriver().joinAll();
    const result = ok(room.run(teacher, { type: 'presence.sync', socketIds: ['t1-sock', 's1-sock'] }));
    expect(Object.keys(room.state.present).sort()).toEqual(['s1', 't1']);
    expect(result.effects.map((e) => e.type)).toEqual(['attendance.left', 'attendance.left']);
  });

  it('never drops a socket that joined after the live list was taken (everyone re-joining at once after a restart)', () => {
    const room = new RoomDriver().joinAll();
    const listed = Object.values(room.state.present).flatMap((p) => p.sockets);
    // Between this join's snapshot and its turn, Ada re-joined on another socket.
    ok(room.join(ada, 'ada-after-restart'));
    const result = ok(room.run(teacher, { type: 'presence.sync', socketIds: ['t1-sock'], listed }));
    expect(room.state.present[ada.userId]!.sockets).toEqual(['ada-after-restart']);
    expect(result.effects.filter((e) => e.type === 'attendance.left')).toHaveLength(students.length - 1);
  });

  it('refuses commands before joining, teacher commands from students and student commands from teachers, changing nothing', () => {
    const room = new RoomDriver();
    room.join(teacher);
    expect(room.send(ada, { type: 'question.ask', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    room.join(ada);
    const before = JSON.stringify(room.state);
    for (const command of [{ type: 'step.next' }, { type: 'poll.open', activityId: 'a-poll' }, { type: 'session.end' }, { type: 'timer.start', seconds: 60 }] as const) {
      expect(room.send(ada, command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(room.send(teacher, { type: 'hand.raise' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(room.state)).toBe(before);
  });

  it('runs the run-sheet in teacher pace, student pace and recalls everyone', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(teacher, { type: 'step.next' }));
    expect(view(room, ada).me.step).toBe(1);
    expect(room.send(teacher, { type: 'step.goto', index: 9 })).toMatchObject({ ok: false, error: { code: 'invalid_step' } });
    ok(room.send(teacher, { type: 'pace.set', pace: 'student' }));
    ok(room.send(ada, { type: 'step.next' }));
    ok(room.send(ada, { type: 'step.next' }));
    expect(view(room, ada).me.step).toBe(3);
    expect(view(room, ben).me.step).toBe(1);
    expect(view(room, teacher).progress).toEqual([{ userId: 's1', step: 3 }]);
    expect(view(room, ada).progress).toEqual([]);
    ok(room.send(teacher, { type: 'step.next' }));
    expect(view(room, ben).me.step).toBe(1);
    const recalled = ok(room.send(teacher, { type: 'pace.recall' }));
    expect(recalled.events[0]!.event).toEqual({ type: 'step.changed', step: 2, pace: 'teacher', recalled: true });
    expect(view(room, ada).me.step).toBe(2);
    expect(room.send(ada, { type: 'step.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('runs a poll: one answer per student (replaced on change), live counts to the teacher only until revealed', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(teacher, { type: 'poll.open', activityId: 'a-poll' }));
    const pollId = room.state.poll!.id;
    const first = ok(room.send(ada, { type: 'poll.answer', pollId, choice: 0 }));
    expect(first.effects).toEqual([{ type: 'response.live', activityId: 'a-poll', userId: 's1', kind: 'poll', itemIndex: null, itemCount: 1, choice: [0], multiple: false }]);
    expect(first.events.map((e) => [e.audience, e.event.type])).toEqual([
      [{ to: 'users', userIds: ['s1'] }, 'me.changed'],
      [{ to: 'teachers' }, 'poll.results'],
    ]);
    ok(room.send(ada, { type: 'poll.answer', pollId, choice: 2 }));
    ok(room.send(ben, { type: 'poll.answer', pollId, choice: 2 }));
    expect(view(room, teacher).poll!.results).toEqual({ counts: [0, 0, 2], total: 2 });
    expect(view(room, teacher).poll!.responses!.map((r) => [r.name, r.choice])).toEqual([['Ada', [2]], ['Ben', [2]]]);
    expect(view(room, chloe).poll!.results).toBeNull();
    expect(view(room, ada).me.pollAnswer).toEqual({ pollId, choice: [2] });
    expect(room.send(ada, { type: 'poll.answer', pollId, choice: 7 })).toMatchObject({ ok: false, error: { code: 'invalid_choice' } });
    expect(room.send(ada, { type: 'poll.answer', pollId, choice: [0, 1] })).toMatchObject({ ok: false, error: { code: 'invalid_choice' } });
    ok(room.send(teacher, { type: 'poll.reveal' }));
    expect(view(room, chloe).poll!.results).toEqual({ counts: [0, 0, 2], total: 2 });
    expect(view(room, chloe).poll!.responses).toBeNull();
    ok(room.send(teacher, { type: 'poll.close' }));
    expect(room.send(chloe, { type: 'poll.answer', pollId, choice: 0 })).toMatchObject({ ok: false, error: { code: 'no_open_poll' } });
    expect(room.state.pollHistory).toEqual([expect.objectContaining({ pollId, counts: [0, 0, 2], total: 2 })]);
  });

  it('keeps anonymous polls anonymous even for the teacher, and runs quiz items with their right answers', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(teacher, { type: 'poll.open', activityId: 'a-anon' }));
    ok(room.send(ada, { type: 'poll.answer', pollId: room.state.poll!.id, choice: 1 }));
    expect(view(room, teacher).poll).toMatchObject({ anonymous: true, responses: null, results: { counts: [0, 1], total: 1 } });
    expect(room.last?.ok && room.last.events.find((e) => e.event.type === 'poll.results')!.event).toMatchObject({ responses: null });

    ok(room.send(teacher, { type: 'poll.open', activityId: 'a-quiz', itemIndex: 1 }));
    const quiz = room.state.poll!;
    expect(quiz).toMatchObject({ kind: 'quiz', multiple: true, correct: [0, 2], itemCount: 3 });
    expect(view(room, ada).poll!.correct).toBeNull();
    const answered = ok(room.send(ada, { type: 'poll.answer', pollId: quiz.id, choice: [2, 0, 2] }));
    expect(answered.effects[0]).toMatchObject({ kind: 'quiz', itemIndex: 1, choice: [0, 2], multiple: true });
    expect(room.send(teacher, { type: 'poll.open', activityId: 'a-quiz', itemIndex: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_choice' } });
    expect(room.send(teacher, { type: 'poll.open', activityId: 'a-page' })).toMatchObject({ ok: false, error: { code: 'unknown_activity' } });
    // Opening another poll archives the anonymous one (it was still open).
    expect(room.state.pollHistory.map((p) => p.activityId)).toEqual(['a-anon']);
  });

  it('queues questions with toggled votes; teachers see authors and mark answers', () => {
    const room = new RoomDriver().joinAll();
    const asked = ok(room.send(ada, { type: 'question.ask', text: '  Why is the sky blue?  ' }));
    expect(asked.effects[0]).toMatchObject({ type: 'question.insert', question: { text: 'Why is the sky blue?', source: 'live', authorId: 's1' } });
    const id = room.state.questions[0]!.id;
    ok(room.send(ben, { type: 'question.vote', questionId: id }));
    ok(room.send(chloe, { type: 'question.vote', questionId: id }));
    ok(room.send(chloe, { type: 'question.vote', questionId: id }));
    expect(view(room, ada).questions[0]).toMatchObject({ votes: 1, authorName: null });
    expect(view(room, teacher).questions[0]).toMatchObject({ votes: 1, authorName: 'Ada' });
    expect(view(room, ben).me.votedQuestionIds).toEqual([id]);
    expect(view(room, chloe).me.votedQuestionIds).toEqual([]);
    expect(room.send(ada, { type: 'question.answered', questionId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(room.send(teacher, { type: 'question.answered', questionId: id }));
    expect(view(room, ada).questions[0]!.answered).toBe(true);
    expect(room.send(ada, { type: 'question.vote', questionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown_question' } });
  });

  it('orders the help queue by time raised; students see their place, not who else is waiting', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(ben, { type: 'hand.raise', note: 'stuck on 2' }));
    ok(room.send(ada, { type: 'hand.raise' }));
    ok(room.send(ben, { type: 'hand.raise', note: 'stuck on 3' }));
    expect(view(room, teacher).hands.map((h) => [h.name, h.note])).toEqual([['Ben', 'stuck on 3'], ['Ada', '']]);
    expect(handPosition(view(room, ada))).toBe(2);
    expect(view(room, ada).hands.every((h) => h.userId === null && h.note === null)).toBe(true);
    ok(room.send(teacher, { type: 'help.next' }));
    expect(view(room, teacher).hands[0]).toMatchObject({ name: 'Ben', helping: true });
    ok(room.send(teacher, { type: 'help.resolve' }));
    expect(handPosition(view(room, ada))).toBe(1);
    ok(room.send(ada, { type: 'hand.lower' }));
    expect(room.state.hands).toEqual([]);
    expect(room.send(teacher, { type: 'help.next' })).toMatchObject({ ok: false, error: { code: 'unknown_hand' } });
  });

  it('assigns breakout groups by hand and at random, each with a video room, a task and an end instant; students see their own group', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(teacher, { type: 'groups.assign', strategy: { kind: 'manual', groups: [{ name: 'Red', userIds: ['s1', 's2'] }, { userIds: ['s3'], task: 'Solve 5' }] }, task: 'Solve 4', durationSeconds: 600 }));
    expect(view(room, ada).groups!.groups[0]!.task).toBe('Solve 4');
    expect(view(room, chloe).groups!.groups[0]!.task).toBe('Solve 5');
    const groups = room.state.groups!;
    expect(groups.endsAt).toBe(new Date(Date.parse(groups.assignedAt) + 600_000).toISOString());
    expect(groups.groups.map((g) => [g.name, g.userIds, g.videoUrl])).toEqual([
      ['Red', ['s1', 's2'], 'https://meet.jit.si/tandem-L1-group-1'],
      ['Group 2', ['s3'], 'https://meet.jit.si/tandem-L1-group-2'],
    ]);
    expect(view(room, chloe).groups!.groups.map((g) => g.name)).toEqual(['Group 2']);
    expect(view(room, chloe).me.groupId).toBe(groups.groups[1]!.id);
    expect(view(room, teacher).groups!.groups).toHaveLength(2);
    ok(room.send(ada, { type: 'chat.send', text: 'hello red', scope: 'group' }));
    expect(view(room, ben).groups!.groups[0]!.chat.map((m) => m.text)).toEqual(['hello red']);
    expect(view(room, chloe).groups!.groups[0]!.chat).toEqual([]);
    expect(view(room, ada).chat).toEqual([]);
    ok(room.send(teacher, { type: 'groups.broadcast', text: '5 minutes left' }));
    expect(view(room, chloe).groups!.broadcasts.map((b) => b.text)).toEqual(['5 minutes left']);
    expect(room.send(teacher, { type: 'groups.assign', strategy: { kind: 'manual', groups: [{ userIds: ['t1'] }] } })).toMatchObject({ ok: false, error: { code: 'invalid_groups' } });
    ok(room.send(teacher, { type: 'groups.assign', strategy: { kind: 'random', count: 2 } }));
    const sizes = room.state.groups!.groups.map((g) => g.userIds.length).sort();
    expect(sizes).toEqual([1, 2]);
    expect(new Set(room.state.groups!.groups.flatMap((g) => g.userIds))).toEqual(new Set(['s1', 's2', 's3']));
    ok(room.send(teacher, { type: 'groups.end' }));
    expect(view(room, ada).groups).toBeNull();
  });

  it('mutes the room chat for students, or one student, and runs a timer by its end instant', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(ada, { type: 'chat.send', text: 'hi all' }));
    ok(room.send(teacher, { type: 'chat.mute' }));
    expect(room.send(ben, { type: 'chat.send', text: 'hey' })).toMatchObject({ ok: false, error: { code: 'chat_muted' } });
    ok(room.send(teacher, { type: 'chat.send', text: 'quiet please' }));
    ok(room.send(teacher, { type: 'chat.unmute' }));
    ok(room.send(teacher, { type: 'chat.mute', userId: 's2' }));
    expect(room.send(ben, { type: 'chat.send', text: 'hey' })).toMatchObject({ ok: false, error: { code: 'chat_muted' } });
    expect(view(room, ben).me.muted).toBe(true);
    expect(view(room, teacher).mutedUserIds).toEqual(['s2']);
    expect(view(room, ada).chat.map((m) => m.text)).toEqual(['hi all', 'quiet please']);
    const timer = ok(room.send(teacher, { type: 'timer.start', seconds: 90 }));
    expect(timer.events[0]!.event).toMatchObject({ type: 'timer.started', timer: { seconds: 90 } });
    const t = room.state.timer!;
    expect(Date.parse(t.endsAt) - Date.parse(t.startedAt)).toBe(90_000);
    ok(room.send(teacher, { type: 'timer.stop' }));
    expect(room.state.timer).toBeNull();
  });

  it('ends the session: open poll archived, everything stops, further commands refused', () => {
    const room = new RoomDriver().joinAll();
    ok(room.send(teacher, { type: 'poll.open', activityId: 'a-poll' }));
    ok(room.send(ada, { type: 'poll.answer', pollId: room.state.poll!.id, choice: 1 }));
    const ended = ok(room.send(teacher, { type: 'session.end' }));
    expect(ended.effects).toEqual([{ type: 'session.ended', at: expect.any(String) }]);
    expect(room.state).toMatchObject({ status: 'ended', timer: null, groups: null });
    expect(room.state.pollHistory[0]).toMatchObject({ counts: [0, 1, 0], total: 1 });
    expect(room.send(ada, { type: 'question.ask', text: 'late?' })).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    expect(room.join(students[2]!, 'late')).toMatchObject({ ok: false, error: { code: 'session_ended' } });
  });

  it('replaces pre-work questions from the database and tells each voter what they voted', () => {
    const room = new RoomDriver().joinAll();
    const q = { id: 'pq', text: 'From pre-work', source: 'prework' as const, authorId: 's1', authorName: 'Ada', votes: ['s2'], answered: false, createdAt: '2026-11-20T10:00:00.000Z' };
    const synced = ok(room.run(teacher, { type: 'questions.sync', questions: [q] }));
    expect(synced.events.map((e) => [e.audience, e.event.type])).toEqual([
      [{ to: 'teachers' }, 'questions.synced'],
      [{ to: 'students' }, 'questions.synced'],
      [{ to: 'users', userIds: ['s2'] }, 'me.changed'],
    ]);
    expect(ok(room.run(teacher, { type: 'questions.sync', questions: [q] })).events).toEqual([]);
    expect(room.state.steps).toHaveLength(steps.length);
  });
});
