import type { RoomState } from './state.ts';

/**
 * The room without any trace of one person (their account is being deleted): presence, name,
 * place, poll answers, questions they asked and their votes, hand, group seat, chat and mute.
 * Pure, like the rest of the room; returns the input unchanged when they were never there.
 */
export function forgetUser(state: RoomState, userId: string): RoomState {
  if (!JSON.stringify(state).includes(userId)) return state;
  const next = structuredClone(state);
  delete next.present[userId];
  delete next.known[userId];
  delete next.studentSteps[userId];
  if (next.poll) delete next.poll.answers[userId];
  next.questions = next.questions.filter((q) => q.authorId !== userId).map((q) => ({ ...q, votes: q.votes.filter((v) => v !== userId) }));
  next.hands = next.hands.filter((h) => h.userId !== userId);
  next.chat = next.chat.filter((m) => m.userId !== userId);
  next.mutedUserIds = next.mutedUserIds.filter((id) => id !== userId);
  if (next.groups) {
    next.groups.groups = next.groups.groups.map((g) => ({ ...g, userIds: g.userIds.filter((id) => id !== userId), chat: g.chat.filter((m) => m.userId !== userId) }));
  }
  next.version = state.version + 1;
  return next;
}
