import {
  BROADCAST_HISTORY,
  CHAT_HISTORY,
  type ChatMessageView,
  type EventMessage,
  type HandView,
  type MemberView,
  type QuestionView,
  type RoomView,
  type ServerEvent,
} from './protocol.ts';

/**
 * Folds one server event into a room view. The server's tests check, for random command
 * sequences, that folding the events a user receives gives exactly the view the server
 * would send that user fresh — so a client can rely on this and never re-fetch.
 */
export function applyEvent(view: RoomView, event: ServerEvent): RoomView {
  const teacher = view.me.role === 'teacher';
  switch (event.type) {
    case 'member.joined':
      return { ...view, present: sortMembers([...view.present.filter((m) => m.userId !== event.member.userId), event.member]) };
    case 'member.left':
      return { ...view, present: view.present.filter((m) => m.userId !== event.userId) };
    case 'steps.updated':
      // The run-sheet changed under the class: everyone regroups on the teacher's step.
      return { ...view, steps: event.steps, step: event.step, progress: [], me: { ...view.me, step: event.step } };
    case 'step.changed': {
      const paceChanged = event.pace !== view.pace || event.recalled;
      const followsTeacher = teacher || event.pace === 'teacher' || paceChanged;
      return {
        ...view,
        step: event.step,
        pace: event.pace,
        progress: paceChanged ? [] : view.progress,
        me: followsTeacher ? { ...view.me, step: event.step } : view.me,
      };
    }
    case 'step.progress':
      return { ...view, progress: [...view.progress.filter((p) => p.userId !== event.userId), { userId: event.userId, step: event.step }].sort(byKey((p) => p.userId)) };
    case 'poll.opened':
      return { ...view, poll: event.poll, me: { ...view.me, pollAnswer: null } };
    case 'poll.results':
      return view.poll && view.poll.id === event.pollId ? { ...view, poll: { ...view.poll, results: event.results, responses: event.responses } } : view;
    case 'poll.revealed':
    case 'poll.closed':
      return { ...view, poll: event.poll };
    case 'question.added':
    case 'question.updated':
      return { ...view, questions: sortQuestions([...view.questions.filter((q) => q.id !== event.question.id), event.question]) };
    case 'questions.synced':
      return { ...view, questions: sortQuestions(event.questions) };
    case 'hand.raised':
      return { ...view, hands: sortHands([...view.hands.filter((h) => h.id !== event.hand.id), event.hand]) };
    case 'hand.lowered':
    case 'help.resolved':
      return { ...view, hands: view.hands.filter((h) => h.id !== event.handId) };
    case 'help.started':
      return { ...view, hands: view.hands.map((h) => (h.id === event.handId ? { ...h, helping: true } : h)) };
    case 'groups.assigned':
      return { ...view, groups: event.groups, me: { ...view.me, groupId: teacher ? null : (event.groups.groups[0]?.id ?? null) } };
    case 'groups.broadcast':
      return view.groups ? { ...view, groups: { ...view.groups, broadcasts: [...view.groups.broadcasts, { text: event.text, at: event.at }].slice(-BROADCAST_HISTORY) } } : view;
    case 'groups.ended':
      return { ...view, groups: null, me: { ...view.me, groupId: null } };
    case 'chat.message': {
      const message = event.message;
      if (message.groupId === null) return { ...view, chat: appendChat(view.chat, message) };
      if (!view.groups) return view;
      return {
        ...view,
        groups: { ...view.groups, groups: view.groups.groups.map((g) => (g.id === message.groupId ? { ...g, chat: appendChat(g.chat, message) } : g)) },
      };
    }
    case 'chat.muted':
      return { ...view, chatMuted: event.muted };
    case 'chat.mutedUsers':
      return { ...view, mutedUserIds: event.userIds };
    case 'timer.started':
      return { ...view, timer: event.timer };
    case 'timer.stopped':
      return { ...view, timer: null };
    case 'session.ended':
      return { ...view, status: 'ended', endedAt: event.endedAt, timer: null, groups: null, me: { ...view.me, groupId: null } };
    case 'me.changed':
      return { ...view, me: { ...view.me, ...event.me } };
  }
}

/**
 * Folds a received message unless the view's snapshot already includes it. `view.version` stays
 * the version of the snapshot (join ack or `state`): one command can send several events with
 * the same version, and every one of them must be applied.
 */
export function applyMessage(view: RoomView, message: EventMessage): RoomView {
  if (message.version <= view.version) return view;
  const { version: _version, ...event } = message;
  return applyEvent(view, event as ServerEvent);
}

function appendChat(list: ChatMessageView[], message: ChatMessageView): ChatMessageView[] {
  return [...list, message].slice(-CHAT_HISTORY);
}

function byKey<T>(key: (item: T) => string) {
  return (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Teachers first, then by name; the id breaks ties so every node orders alike. */
export function sortMembers(members: MemberView[]): MemberView[] {
  return [...members].sort(byKey((m) => `${m.role === 'teacher' ? 0 : 1}\u0000${m.name.toLowerCase()}\u0000${m.userId}`));
}

/** In the order asked; the client may re-sort by votes for display. */
export function sortQuestions(questions: QuestionView[]): QuestionView[] {
  return [...questions].sort(byKey((q) => `${q.createdAt}\u0000${q.id}`));
}

/** The help queue: first raised, first helped. */
export function sortHands(hands: HandView[]): HandView[] {
  return [...hands].sort(byKey((h) => `${h.raisedAt}\u0000${h.id}`));
}

/** A student's place in the help queue (1-based), or null without a raised hand. */
export function handPosition(view: RoomView): number | null {
  const mine = view.me.hand;
  if (!mine) return null;
  const index = view.hands.findIndex((h) => h.id === mine.id);
  return index < 0 ? null : index + 1;
}
