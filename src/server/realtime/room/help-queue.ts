import type { Out } from './out.ts';
import { handView } from './views.ts';
import { RoomError, type RoomContext, type RoomHand, type RoomState } from './state.ts';

/** Raising again keeps the place in the queue and only updates the note. */
export function raiseHand(state: RoomState, note: string | undefined, ctx: RoomContext, out: Out): void {
  const { actor, now } = ctx;
  const existing = state.hands.find((h) => h.userId === actor.userId);
  const hand: RoomHand = existing
    ? { ...existing, note: note ?? existing.note }
    : { id: ctx.newId, userId: actor.userId, name: actor.name, note: note ?? '', raisedAt: now, helping: false };
  state.hands = [...state.hands.filter((h) => h.id !== hand.id), hand];
  out.effect({ type: 'hand.upsert', hand });
  out.byRole((role) => ({ type: 'hand.raised', hand: handView(hand, role) }));
  out.users([actor.userId], { type: 'me.changed', me: { hand: { id: hand.id, note: hand.note, raisedAt: hand.raisedAt } } });
}

function close(state: RoomState, hand: RoomHand, status: 'lowered' | 'resolved', ctx: RoomContext, out: Out): void {
  state.hands = state.hands.filter((h) => h.id !== hand.id);
  out.effect({ type: 'hand.close', handId: hand.id, status, at: ctx.now });
  out.all(status === 'lowered' ? { type: 'hand.lowered', handId: hand.id } : { type: 'help.resolved', handId: hand.id });
  out.users([hand.userId], { type: 'me.changed', me: { hand: null } });
}

export function lowerHand(state: RoomState, ctx: RoomContext, out: Out): void {
  const hand = state.hands.find((h) => h.userId === ctx.actor.userId);
  if (hand) close(state, hand, 'lowered', ctx, out);
}

function queue(state: RoomState): RoomHand[] {
  return [...state.hands].sort((a, b) => (`${a.raisedAt}\u0000${a.id}` < `${b.raisedAt}\u0000${b.id}` ? -1 : 1));
}

export function helpNext(state: RoomState, out: Out): void {
  const next = queue(state).find((h) => !h.helping);
  if (!next) throw new RoomError('unknown_hand', 'Nobody is waiting for help');
  next.helping = true;
  out.effect({ type: 'hand.upsert', hand: next });
  out.all({ type: 'help.started', handId: next.id });
}

export function helpResolve(state: RoomState, handId: string | undefined, ctx: RoomContext, out: Out): void {
  const hand = handId ? state.hands.find((h) => h.id === handId) : queue(state).find((h) => h.helping);
  if (!hand) throw new RoomError('unknown_hand', handId ? 'This hand is no longer raised' : 'You are not helping anyone');
  close(state, hand, 'resolved', ctx, out);
}
