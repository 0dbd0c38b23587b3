import { sortHands, sortMembers, sortQuestions } from '../../../shared/realtime/apply-event.ts';
import {
  CHAT_HISTORY,
  PROTOCOL_VERSION,
  type GroupsView,
  type HandView,
  type PollView,
  type QuestionView,
  type Role,
  type RoomView,
} from '../../../shared/realtime/protocol.ts';
import { countAnswers, groupOf, nameOf, stepOf, type RoomGroups, type RoomHand, type RoomPoll, type RoomQuestion, type RoomState } from './state.ts';

/**
 * What one user may see of the room. Students never see who answered what, who is in the help
 * queue, other groups, other students present, or results before the teacher reveals them.
 */
export type Viewer = { userId: string; role: Role };

/**
 * Students see the teachers and themselves (presenceEvent in presence.ts), teachers everyone.
 * Each join answers with a view: no array per member here (Object.entries over 5,000 present
 * for each of 5,000 arrivals was 25 million entries built and dropped).
 */
function presentFor(state: RoomState, userId: string, teacher: boolean): { userId: string; name: string; role: Role }[] {
  const out: { userId: string; name: string; role: Role }[] = [];
  for (const id in state.present) {
    const p = state.present[id]!;
    if (teacher || p.role === 'teacher' || id === userId) out.push({ userId: id, name: p.name, role: p.role });
  }
  return out;
}

export function viewFor(state: RoomState, viewer: Viewer): RoomView {
  const { userId, role } = viewer;
  const teacher = role === 'teacher';
  const poll = state.poll;
  const hand = state.hands.find((h) => h.userId === userId);
  return {
    protocol: PROTOCOL_VERSION,
    lessonId: state.lessonId,
    version: state.version,
    status: state.status,
    endedAt: state.endedAt,
    steps: state.steps.map((s) => ({ activityId: s.activityId, type: s.type, title: s.title, pollable: s.poll !== null })),
    pace: state.pace,
    step: state.step,
    progress: teacher
      ? Object.entries(state.studentSteps)
          .map(([id, step]) => ({ userId: id, step }))
          .sort((a, b) => (a.userId < b.userId ? -1 : 1))
      : [],
    present: sortMembers(presentFor(state, userId, teacher)),
    poll: poll ? pollView(state, poll, role) : null,
    questions: sortQuestions(state.questions.map((q) => questionView(q, role))),
    hands: sortHands(state.hands.map((h) => handView(h, role))),
    groups: state.groups ? groupsView(state, state.groups, viewer) : null,
    chat: state.chat.slice(-CHAT_HISTORY),
    chatMuted: state.chatMuted,
    mutedUserIds: teacher ? [...state.mutedUserIds].sort() : [],
    timer: state.timer,
    me: {
      userId,
      role,
      step: stepOf(state, userId, role),
      pollAnswer: !teacher && poll && poll.answers[userId] ? { pollId: poll.id, choice: poll.answers[userId] } : null,
      votedQuestionIds: state.questions.filter((q) => q.votes.includes(userId)).map((q) => q.id).sort(),
      hand: hand && !teacher ? { id: hand.id, note: hand.note, raisedAt: hand.raisedAt } : null,
      groupId: teacher ? null : (groupOf(state, userId)?.id ?? null),
      muted: !teacher && state.mutedUserIds.includes(userId),
    },
  };
}

export function pollView(state: RoomState, poll: RoomPoll, role: Role): PollView {
  const teacher = role === 'teacher';
  const visible = teacher || poll.revealed;
  return {
    id: poll.id,
    activityId: poll.activityId,
    itemIndex: poll.itemIndex,
    kind: poll.kind,
    question: poll.question,
    choices: poll.choices,
    multiple: poll.multiple,
    anonymous: poll.anonymous,
    status: poll.status,
    revealed: poll.revealed,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    results: visible ? countAnswers(poll) : null,
    correct: visible ? poll.correct : null,
    responses: pollResponses(state, poll, role),
  };
}

export function pollResponses(state: RoomState, poll: RoomPoll, role: Role): PollView['responses'] {
  if (role !== 'teacher' || poll.anonymous) return null;
  return Object.entries(poll.answers)
    .map(([userId, choice]) => ({ userId, name: nameOf(state, userId), choice }))
    .sort((a, b) => (a.userId < b.userId ? -1 : 1));
}

export function questionView(q: RoomQuestion, role: Role): QuestionView {
  return { id: q.id, text: q.text, source: q.source, votes: q.votes.length, answered: q.answered, createdAt: q.createdAt, authorName: role === 'teacher' ? q.authorName : null };
}

export function handView(h: RoomHand, role: Role): HandView {
  const teacher = role === 'teacher';
  return { id: h.id, raisedAt: h.raisedAt, helping: h.helping, userId: teacher ? h.userId : null, name: teacher ? h.name : null, note: teacher ? h.note : null };
}

/** Teachers see every group; a student sees theirs only (none when unassigned). */
export function groupsView(state: RoomState, groups: RoomGroups, viewer: Viewer): GroupsView {
  const visible = viewer.role === 'teacher' ? groups.groups : groups.groups.filter((g) => g.userIds.includes(viewer.userId));
  return {
    task: groups.task,
    assignedAt: groups.assignedAt,
    endsAt: groups.endsAt,
    groups: visible.map((g) => ({
      id: g.id,
      name: g.name,
      members: g.userIds.map((id) => ({ userId: id, name: nameOf(state, id) })),
      task: g.task,
      videoUrl: g.videoUrl,
      chat: g.chat.slice(-CHAT_HISTORY),
    })),
    broadcasts: groups.broadcasts,
  };
}
