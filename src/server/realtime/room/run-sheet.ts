import type { ClientCommand } from '../../../shared/realtime/protocol.ts';
import type { Out } from './out.ts';
import { RoomError, stepOf, type RoomContext, type RoomState } from './state.ts';

type StepCommand = Extract<ClientCommand, { type: 'step.goto' | 'step.next' | 'step.prev' }>;

function target(current: number, command: StepCommand, count: number): number {
  const index = command.type === 'step.goto' ? command.index : command.type === 'step.next' ? current + 1 : current - 1;
  if (command.type === 'step.goto' && index >= count) throw new RoomError('invalid_step', `There are ${count} steps`);
  return Math.max(0, Math.min(index, count - 1));
}

/** The teacher moves the class (or their own place in student pace); a student moves only in student pace. */
export function moveStep(state: RoomState, command: StepCommand, ctx: RoomContext, out: Out): void {
  if (state.steps.length === 0) throw new RoomError('invalid_step', 'This lesson has no live activities');
  const { actor } = ctx;
  if (actor.role === 'teacher') {
    const next = target(state.step, command, state.steps.length);
    if (next === state.step) return;
    state.step = next;
    out.all({ type: 'step.changed', step: next, pace: state.pace, recalled: false });
    return;
  }
  if (state.pace !== 'student') throw new RoomError('forbidden', 'The teacher is leading the steps right now');
  const current = stepOf(state, actor.userId, actor.role);
  const next = target(current, command, state.steps.length);
  if (next === current && state.studentSteps[actor.userId] !== undefined) return;
  state.studentSteps[actor.userId] = next;
  out.users([actor.userId], { type: 'me.changed', me: { step: next } });
  out.teachers({ type: 'step.progress', userId: actor.userId, step: next });
}

export function setPace(state: RoomState, pace: 'teacher' | 'student', out: Out): void {
  if (state.pace === pace) return;
  state.pace = pace;
  state.paceStep = state.step;
  state.studentSteps = {};
  out.all({ type: 'step.changed', step: state.step, pace, recalled: false });
}

export function recall(state: RoomState, out: Out): void {
  state.pace = 'teacher';
  state.paceStep = state.step;
  state.studentSteps = {};
  out.all({ type: 'step.changed', step: state.step, pace: 'teacher', recalled: true });
}
