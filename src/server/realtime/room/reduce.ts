import { STUDENT_ONLY, TEACHER_ONLY, type ClientCommand, type ProtocolError } from '../../../shared/realtime/protocol.ts';
import { sendChat, setMuted } from './chat.ts';
import { assignGroups, broadcastToGroups, endGroups } from './groups.ts';
import { helpNext, helpResolve, lowerHand, raiseHand } from './help-queue.ts';
import { Out } from './out.ts';
import { answerPoll, closePoll, openPoll, revealPoll } from './polls.ts';
import { memberJoin, memberLeave, presenceSync, questionsSync, stepsSync, type SystemCommand } from './presence.ts';
import { askQuestion, markAnswered, voteQuestion } from './questions.ts';
import { moveStep, recall, setPace } from './run-sheet.ts';
import { endSession, startTimer, stopTimer } from './session.ts';
import { RoomError, type Actor, type Effect, type Outgoing, type RoomContext, type RoomResult, type RoomState } from './state.ts';

export type RoomCommand = ClientCommand | SystemCommand;

const SYSTEM = new Set<RoomCommand['type']>(['member.join', 'member.leave', 'presence.sync', 'steps.sync', 'questions.sync']);

/**
 * The room: (state, command, context) → new state, events by audience, effects to persist.
 * Pure — the input state is never changed, and the same input gives the same output — so it is
 * unit- and fuzz-tested without a network. A refused command changes nothing.
 */
export function reduce(state: RoomState, command: RoomCommand, ctx: RoomContext): RoomResult {
  const draft = structuredClone(state);
  const out = new Out();
  try {
    authorise(draft, command, ctx);
    dispatch(draft, command, ctx, out);
  } catch (error) {
    if (error instanceof RoomError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  const events = out.events;
  if (events.length > 0 || out.effects.length > 0 || JSON.stringify(draft) !== JSON.stringify(state)) draft.version = state.version + 1;
  return { ok: true, state: draft, events, effects: out.effects };
}

/** One caller's commands in a batch, and what came of them. */
export type BatchJob = { actor: Actor; commands: RoomCommand[] };
export type BatchOutcome = { ok: true; events: Outgoing[]; effects: Effect[] } | { ok: false; error: ProtocolError };

/** A command refused after an earlier command of the same job changed the room: the caller must start over without this job. */
export class PartialJobError extends Error {}

/**
 * Runs a batch of jobs on `state` IN PLACE — the caller owns it (fresh from the database) — so a
 * batch costs one pass, not one deep copy of the whole room per command as `reduce` does. This
 * relies on the rule every handler follows, and the fuzz test checks: a command is refused
 * before it changes anything. A refused job gets its error and changes nothing (a job refused
 * after an earlier command of it applied throws PartialJobError). A whole-value event (Out.latest)
 * sent again by a later job is dropped from the earlier job's events. The version moves by one
 * per batch; the caller saves the state only if some job went through.
 */
export function applyBatch(state: RoomState, jobs: BatchJob[], context: (actor: Actor) => RoomContext): BatchOutcome[] {
  const results: (Out | ProtocolError)[] = jobs.map((job) => {
    const out = new Out();
    for (const [index, command] of job.commands.entries()) {
      const ctx = context(job.actor);
      try {
        authorise(state, command, ctx);
        dispatch(state, command, ctx, out);
      } catch (error) {
        if (!(error instanceof RoomError)) throw error;
        if (index > 0) throw new PartialJobError(`${command.type} refused after ${job.commands[0]!.type} applied: ${error.message}`);
        return { code: error.code, message: error.message };
      }
    }
    return out;
  });
  const later = new Set<string>();
  for (let i = results.length - 1; i >= 0; i--) {
    const out = results[i];
    if (!(out instanceof Out)) continue;
    out.forget(later);
    for (const key of out.keys()) later.add(key);
  }
  if (results.some((r) => r instanceof Out)) state.version += 1;
  // Built only now, from the room after the whole batch.
  return results.map((r) => (r instanceof Out ? { ok: true, events: r.events, effects: r.effects } : { ok: false, error: r }));
}

export function isSystemCommand(command: RoomCommand): command is SystemCommand {
  return SYSTEM.has(command.type);
}

function authorise(state: RoomState, command: RoomCommand, ctx: RoomContext): void {
  if (isSystemCommand(command)) return;
  const { actor } = ctx;
  if (!state.present[actor.userId]) throw new RoomError('not_joined', 'Join the room first');
  if (TEACHER_ONLY.has(command.type) && actor.role !== 'teacher') throw new RoomError('forbidden', 'Only a teacher can do this');
  if (STUDENT_ONLY.has(command.type) && actor.role !== 'student') throw new RoomError('forbidden', 'Only students can do this');
  if (state.status === 'ended') throw new RoomError('session_ended', 'This live session has ended');
}

function dispatch(state: RoomState, command: RoomCommand, ctx: RoomContext, out: Out): void {
  switch (command.type) {
    case 'member.join':
      return memberJoin(state, command.socketId, ctx, out);
    case 'member.leave':
      return memberLeave(state, command.socketId, ctx, out);
    case 'presence.sync':
      return presenceSync(state, command.socketIds, command.listed, ctx, out);
    case 'steps.sync':
      return stepsSync(state, command.steps, out);
    case 'questions.sync':
      return questionsSync(state, command.questions, out);
    case 'step.goto':
    case 'step.next':
    case 'step.prev':
      return moveStep(state, command, ctx, out);
    case 'pace.set':
      return setPace(state, command.pace, out);
    case 'pace.recall':
      return recall(state, out);
    case 'poll.open':
      return openPoll(state, command, ctx, out);
    case 'poll.answer':
      return answerPoll(state, command, ctx, out);
    case 'poll.reveal':
      return revealPoll(state, out);
    case 'poll.close':
      return closePoll(state, ctx, out);
    case 'question.ask':
      return askQuestion(state, command.text, ctx, out);
    case 'question.vote':
      return voteQuestion(state, command.questionId, ctx, out);
    case 'question.answered':
      return markAnswered(state, command.questionId, command.answered, ctx, out);
    case 'hand.raise':
      return raiseHand(state, command.note, ctx, out);
    case 'hand.lower':
      return lowerHand(state, ctx, out);
    case 'help.next':
      return helpNext(state, out);
    case 'help.resolve':
      return helpResolve(state, command.handId, ctx, out);
    case 'groups.assign':
      return assignGroups(state, command, ctx, out);
    case 'groups.broadcast':
      return broadcastToGroups(state, command.text, ctx, out);
    case 'groups.end':
      return endGroups(state, out);
    case 'chat.send':
      return sendChat(state, command.text, command.scope, ctx, out);
    case 'chat.mute':
      return setMuted(state, command.userId, true, out);
    case 'chat.unmute':
      return setMuted(state, command.userId, false, out);
    case 'timer.start':
      return startTimer(state, command.seconds, ctx, out);
    case 'timer.stop':
      return stopTimer(state, out);
    case 'session.end':
      return endSession(state, ctx, out);
  }
}
