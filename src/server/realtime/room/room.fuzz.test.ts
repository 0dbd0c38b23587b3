import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../shared/realtime/apply-event.ts';
import { ClientCommand, RoomView, ServerEvent, type ClientCommandInput } from '../../../shared/realtime/protocol.ts';
import { applyBatch, type RoomCommand } from './reduce.ts';
import { RoomDriver, steps as fixtureSteps, students, teacher } from './room-fixtures.ts';
import type { Actor, Outgoing, RoomState } from './state.ts';
import { viewFor } from './views.ts';

/**
 * Random sessions: any member sends any command (valid or not) in any order. After every step
 * the room must hold its invariants, and — the contract clients rely on — folding the events
 * each present user received into their previous view gives exactly their fresh view.
 */
const actors: Actor[] = [teacher, ...students, { userId: 't2', name: 'Co-teacher', role: 'teacher' }];

type Move = { actor: number; kind: number; a: number; b: number; text: string };

const move = fc.record({
  actor: fc.nat({ max: actors.length - 1 }),
  kind: fc.nat({ max: 31 }),
  a: fc.nat({ max: 6 }),
  b: fc.nat({ max: 6 }),
  text: fc.constantFrom('hello', 'why?', ' ', 'a'.repeat(30)),
});

function pick<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function commandFor(state: RoomState, m: Move, actor: Actor): RoomCommand {
  const socket = `${actor.userId}-${m.b % 2}`;
  const questionId = pick(state.questions, m.a)?.id ?? 'missing';
  const handId = pick(state.hands, m.a)?.id;
  const pollId = m.b === 6 ? 'stale' : (state.poll?.id ?? 'none');
  const studentIds = students.map((s) => s.userId);
  const inputs: (ClientCommandInput | RoomCommand)[] = [
    { type: 'member.join', socketId: socket },
    { type: 'member.leave', socketId: socket },
    { type: 'presence.sync', socketIds: Object.values(state.present).flatMap((p) => p.sockets).filter((_, i) => i !== m.a) },
    { type: 'step.goto', index: m.a },
    { type: 'step.next' },
    { type: 'step.prev' },
    { type: 'pace.set', pace: m.a % 2 ? 'student' : 'teacher' },
    { type: 'pace.recall' },
    { type: 'poll.open', activityId: pick(['a-poll', 'a-quiz', 'a-anon', 'a-page'], m.a)!, itemIndex: m.a % 4 === 1 ? m.b % 3 : m.b === 5 ? 1 : undefined },
    { type: 'poll.answer', pollId, choice: m.a % 3 === 0 ? [m.b % 3, m.a % 3] : m.b % 4 },
    { type: 'poll.reveal' },
    { type: 'poll.close' },
    { type: 'question.ask', text: m.text },
    { type: 'question.vote', questionId },
    { type: 'question.answered', questionId, answered: m.b % 2 === 0 },
    { type: 'hand.raise', note: m.b % 2 ? m.text : undefined },
    { type: 'hand.lower' },
    { type: 'help.next' },
    { type: 'help.resolve', handId: m.b % 2 ? handId : undefined },
    { type: 'groups.assign', strategy: { kind: 'random', count: m.a + 1 }, task: m.text, durationSeconds: m.b % 2 ? 300 : undefined },
    { type: 'groups.assign', strategy: { kind: m.b % 2 ? 'manual' : 'suggested', groups: [{ userIds: studentIds.slice(0, m.a % 3 + 1) }, { userIds: studentIds.slice(m.a % 3 + 1) }] } },
    { type: 'groups.broadcast', text: m.text },
    { type: 'groups.end' },
    { type: 'chat.send', text: m.text, scope: m.b % 3 === 0 ? 'group' : 'room' },
    { type: 'chat.mute', userId: m.b % 2 ? pick(studentIds, m.a) : undefined },
    { type: 'chat.unmute', userId: m.b % 2 ? pick(studentIds, m.a) : undefined },
    { type: 'timer.start', seconds: m.a * 30 + 1 },
    { type: 'timer.stop' },
    m.a === 6 ? { type: 'session.end' } : { type: 'poll.open', activityId: 'a-poll' },
    { type: 'question.vote', questionId },
    { type: 'poll.answer', pollId, choice: m.a % 3 },
    { type: 'poll.answer', pollId, choice: [m.b % 3] },
  ];
  // System commands: the run-sheet edited mid-session; questions/votes arriving over HTTP.
  if (m.kind === 31 && m.b === 0) return { type: 'steps.sync', steps: fixtureSteps.slice(0, (m.a % fixtureSteps.length) + 1) };
  if (m.kind === 31 && m.b === 1) {
    const voter = studentIds[m.a % studentIds.length]!;
    return {
      type: 'questions.sync',
      questions: [
        ...state.questions.map((q, i) => (i === 0 ? { ...q, votes: q.votes.includes(voter) ? q.votes : [...q.votes, voter] } : q)),
        ...(m.a % 2 && !state.questions.some((q) => q.id === `pre-${m.a}`) ? [{ id: `pre-${m.a}`, text: 'From pre-work', source: 'prework' as const, authorId: 's1', authorName: 'Ada', votes: [voter], answered: false, createdAt: '2026-11-20T10:00:00.000Z' }] : []),
      ],
    };
  }
  const input = inputs[m.kind % inputs.length]!;
  if (['member.join', 'member.leave', 'presence.sync'].includes(input.type)) return input as RoomCommand;
  const parsed = ClientCommand.safeParse(input);
  // What the gateway would refuse before the room sees it: send a harmless command instead.
  return parsed.success ? parsed.data : { type: 'timer.stop' };
}

function receives(outgoing: Outgoing, viewer: Actor): boolean {
  const a = outgoing.audience;
  if (a.to === 'all') return true;
  if (a.to === 'teachers') return viewer.role === 'teacher';
  if (a.to === 'students') return viewer.role === 'student';
  return a.userIds.includes(viewer.userId);
}

function withoutVersion(view: RoomView) {
  const { version: _version, ...rest } = view;
  return rest;
}

function checkInvariants(state: RoomState): void {
  const grouped = state.groups?.groups.flatMap((g) => g.userIds) ?? [];
  expect(new Set(grouped).size).toBe(grouped.length);
  expect(new Set(state.hands.map((h) => h.userId)).size).toBe(state.hands.length);
  for (const h of state.hands) expect(state.known[h.userId]?.role).toBe('student');
  for (const userId of Object.keys(state.poll?.answers ?? {})) expect(state.known[userId]?.role).toBe('student');
  if (state.steps.length > 0) expect(state.step).toBeLessThan(state.steps.length);
  for (const p of Object.values(state.present)) expect(p.sockets.length).toBeGreaterThan(0);
  for (const q of state.questions) expect(new Set(q.votes).size).toBe(q.votes.length);
  // Stored as JSON: nothing may be lost by the round trip.
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
}

describe('live room under random sessions', () => {
  it('keeps its invariants, never mutates its input, and its events rebuild every view exactly', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 5, maxLength: 80, size: 'max' }), (moves) => {
        const room = new RoomDriver();
        for (const a of actors) room.join(a, `${a.userId}-0`);
        for (const m of moves) {
          const actor = actors[m.actor]!;
          const before = room.state;
          const frozen = JSON.stringify(before);
          const command = commandFor(before, m, actor);
          const viewers = actors.filter((v) => before.present[v.userId]);
          const oldViews = new Map(viewers.map((v) => [v.userId, viewFor(before, v)]));
          const result = room.run(actor, command);
          expect(JSON.stringify(before)).toBe(frozen);
          if (!result.ok) {
            expect(room.state).toBe(before);
            // Applied in place, as batches are (applyBatch), a refused command leaves the room untouched too.
            const copy = structuredClone(before);
            const [inPlace] = applyBatch(copy, [{ actor, commands: [command] }], () => ({ actor, now: new Date(room.clock).toISOString(), newId: `id${room.ids}`, seed: room.ids }));
            expect(inPlace!.ok).toBe(false);
            expect(copy).toEqual(before);
            continue;
          }
          checkInvariants(result.state);
          for (const outgoing of result.events) expect(ServerEvent.safeParse(outgoing.event).success).toBe(true);
          for (const viewer of viewers) {
            if (!result.state.present[viewer.userId]) continue;
            let folded = oldViews.get(viewer.userId)!;
            for (const outgoing of result.events) if (receives(outgoing, viewer)) folded = applyEvent(folded, outgoing.event);
            const fresh = viewFor(result.state, viewer);
            expect(RoomView.safeParse(fresh).success).toBe(true);
            expect(withoutVersion(folded)).toEqual(withoutVersion(fresh));
          }
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 120_000);

  it('runs a batch of commands in place exactly as one by one, and its events (whole values built last) rebuild every view', () => {
    fc.assert(
      fc.property(fc.array(fc.array(move, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const one = new RoomDriver();
        for (const a of actors) one.join(a, `${a.userId}-0`);
        let batched = structuredClone(one.state);
        let n = one.ids;
        for (const moves of batches) {
          const jobs = moves.map((m) => ({ actor: actors[m.actor]!, commands: [commandFor(batched, m, actors[m.actor]!)] }));
          const viewers = actors.filter((v) => batched.present[v.userId]);
          const oldViews = new Map(viewers.map((v) => [v.userId, viewFor(batched, v)]));
          for (const job of jobs) one.run(job.actor, job.commands[0]!);
          const state = structuredClone(batched);
          const outcomes = applyBatch(state, jobs, (actor) => {
            n += 1;
            return { actor, now: new Date(Date.parse('2026-11-25T08:00:00.000Z') + n * 1000).toISOString(), newId: `id${n}`, seed: n };
          });
          expect({ ...state, version: 0 }).toEqual({ ...one.state, version: 0 });
          // Left and came back within the batch: that socket starts again from its join's whole
          // state (the join ack), not from the events of its absence.
          const rejoined = new Set(outcomes.flatMap((o) => (o.ok ? o.effects.flatMap((e) => (e.type === 'attendance.left' ? [e.userId] : [])) : [])));
          for (const viewer of viewers) {
            if (!state.present[viewer.userId] || rejoined.has(viewer.userId)) continue;
            let folded = oldViews.get(viewer.userId)!;
            for (const outcome of outcomes) if (outcome.ok) for (const outgoing of outcome.events) if (receives(outgoing, viewer)) folded = applyEvent(folded, outgoing.event);
            expect(withoutVersion(folded)).toEqual(withoutVersion(viewFor(state, viewer)));
          }
          batched = state;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);

  it('is deterministic: the same commands give the same room', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const play = () => {
          const room = new RoomDriver();
          for (const a of actors) room.join(a, `${a.userId}-0`);
          for (const m of moves) room.run(actors[m.actor]!, commandFor(room.state, m, actors[m.actor]!));
          return room.state;
        };
        expect(play()).toEqual(play());
      }),
      { numRuns: 50 },
    );
  });
});
