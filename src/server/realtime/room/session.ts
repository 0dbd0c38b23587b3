import type { Out } from './out.ts';
import { pollView } from './views.ts';
import { summarisePoll, type RoomContext, type RoomState } from './state.ts';

export function startTimer(state: RoomState, seconds: number, ctx: RoomContext, out: Out): void {
  state.timer = { startedAt: ctx.now, endsAt: new Date(Date.parse(ctx.now) + seconds * 1000).toISOString(), seconds };
  out.all({ type: 'timer.started', timer: state.timer });
}

export function stopTimer(state: RoomState, out: Out): void {
  if (!state.timer) return;
  state.timer = null;
  out.all({ type: 'timer.stopped' });
}

/** Closes what is still running; the summary and follow-ups happen outside, from the effect. */
export function endSession(state: RoomState, ctx: RoomContext, out: Out): void {
  const poll = state.poll;
  if (poll && poll.status === 'open') {
    poll.status = 'closed';
    poll.closedAt = ctx.now;
    state.pollHistory = [...state.pollHistory.filter((p) => p.pollId !== poll.id), summarisePoll(poll)];
    out.byRole((role) => ({ type: 'poll.closed', poll: pollView(state, poll, role) }));
  }
  state.status = 'ended';
  state.endedAt = ctx.now;
  state.timer = null;
  state.groups = null;
  out.all({ type: 'session.ended', endedAt: ctx.now });
  out.effect({ type: 'session.ended', at: ctx.now });
}
