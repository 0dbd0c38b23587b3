import type { Role, ServerEvent } from '../../../shared/realtime/protocol.ts';
import { questionView } from './views.ts';
import type { Out } from './out.ts';
import { RoomError, type Presence, type RoomContext, type RoomQuestion, type RoomState, type RoomStep } from './state.ts';

/** Commands the gateway sends on behalf of the system, never accepted from a socket. */
export type SystemCommand =
  | { type: 'member.join'; socketId: string }
  | { type: 'member.leave'; socketId: string }
  /**
   * Drops sockets no node knows any more (after a crash or a restart). `socketIds` is the
   * cluster's live list; `listed`, the sockets the room listed just before that list was taken:
   * only those are judged, so a socket that joined meanwhile (another student re-joining at the
   * same moment, on any node) is never dropped for missing from a list older than itself.
   */
  | { type: 'presence.sync'; socketIds: string[]; listed?: string[] | undefined }
  | { type: 'steps.sync'; steps: RoomStep[] }
  /** The lesson's questions as the database has them (pre-work ones arrive over HTTP). */
  | { type: 'questions.sync'; questions: RoomQuestion[] };

export function memberJoin(state: RoomState, socketId: string, ctx: RoomContext, out: Out): void {
  const { actor, now } = ctx;
  if (state.status === 'ended' && actor.role !== 'teacher') throw new RoomError('session_ended', 'This live session has ended');
  state.known[actor.userId] = { name: actor.name, role: actor.role };
  const present = state.present[actor.userId];
  if (present) {
    if (!present.sockets.includes(socketId)) present.sockets.push(socketId);
    return;
  }
  state.present[actor.userId] = { name: actor.name, role: actor.role, since: now, sockets: [socketId] };
  presenceEvent(out, actor.userId, actor.role, { type: 'member.joined', member: { userId: actor.userId, name: actor.name, role: actor.role } });
  out.effect({ type: 'attendance.joined', userId: actor.userId, at: now });
}

/**
 * Who hears of someone arriving or leaving: everyone for a teacher; for a student, the teachers
 * and that student only (students see the teachers and themselves present, views.ts). Telling
 * every student of every other student is N² messages — 25 million as 5,000 students arrive.
 */
function presenceEvent(out: Out, userId: string, role: Role, event: ServerEvent): void {
  if (role === 'teacher') return out.all(event);
  out.teachers(event);
  out.users([userId], event);
}

function dropSockets(state: RoomState, keep: (userId: string, socketId: string) => boolean, ctx: RoomContext, out: Out): void {
  for (const [userId, presence] of Object.entries(state.present)) dropUserSockets(state, userId, presence, keep, ctx, out);
}

function dropUserSockets(state: RoomState, userId: string, presence: Presence, keep: (userId: string, socketId: string) => boolean, ctx: RoomContext, out: Out): void {
  presence.sockets = presence.sockets.filter((socketId) => keep(userId, socketId));
  if (presence.sockets.length > 0) return;
  delete state.present[userId];
  presenceEvent(out, userId, presence.role, { type: 'member.left', userId });
  out.effect({ type: 'attendance.left', userId, at: ctx.now });
}

/**
 * One socket of the actor left: only their presence changes. (Going through everyone present was
 * N² work when a whole class disconnects at the end of a session: 25 million steps for 5,000.)
 */
export function memberLeave(state: RoomState, socketId: string, ctx: RoomContext, out: Out): void {
  const userId = ctx.actor.userId;
  const presence = Object.hasOwn(state.present, userId) ? state.present[userId] : undefined;
  if (presence) dropUserSockets(state, userId, presence, (_userId, id) => id !== socketId, ctx, out);
}

export function presenceSync(state: RoomState, socketIds: string[], listed: string[] | undefined, ctx: RoomContext, out: Out): void {
  const live = new Set(socketIds);
  const judged = listed ? new Set(listed) : undefined;
  dropSockets(state, (_userId, id) => live.has(id) || (judged !== undefined && !judged.has(id)), ctx, out);
}

export function stepsSync(state: RoomState, steps: RoomStep[], out: Out): void {
  if (JSON.stringify(steps) === JSON.stringify(state.steps)) return;
  state.steps = steps;
  state.step = Math.max(0, Math.min(state.step, steps.length - 1));
  state.paceStep = state.step;
  state.studentSteps = {};
  out.all({
    type: 'steps.updated',
    steps: steps.map((s) => ({ activityId: s.activityId, type: s.type, title: s.title, pollable: s.poll !== null })),
    step: state.step,
  });
}

export function questionsSync(state: RoomState, questions: RoomQuestion[], out: Out): void {
  if (JSON.stringify(questions) === JSON.stringify(state.questions)) return;
  const votedBefore = votesByUser(state.questions);
  state.questions = questions;
  out.byRole((role) => ({ type: 'questions.synced', questions: questions.map((q) => questionView(q, role)) }));
  const votedAfter = votesByUser(questions);
  for (const userId of Object.keys(state.present)) {
    const before = (votedBefore.get(userId) ?? []).join();
    const after = votedAfter.get(userId) ?? [];
    if (before !== after.join()) out.users([userId], { type: 'me.changed', me: { votedQuestionIds: after } });
  }
}

function votesByUser(questions: RoomQuestion[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const q of questions) for (const userId of q.votes) map.set(userId, [...(map.get(userId) ?? []), q.id]);
  for (const [userId, ids] of map) map.set(userId, ids.sort());
  return map;
}
