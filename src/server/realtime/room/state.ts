import type { ChatMessageView, ErrorCode, ProtocolError, Role, ServerEvent, TimerView } from '../../../shared/realtime/protocol.ts';

/**
 * The whole room as the server keeps it (JSON in live_rooms.state). Views for each user are
 * projections of it (views.ts); nothing here is sent as is.
 */
export type RoomState = {
  lessonId: string;
  status: 'open' | 'ended';
  startedAt: string;
  endedAt: string | null;
  /** Prefix for breakout video rooms: `${videoBase}-group-1` … */
  videoBase: string;
  steps: RoomStep[];
  pace: 'teacher' | 'student';
  step: number;
  /** Where the teacher was when student pace began: a student who has not moved is there. */
  paceStep: number;
  studentSteps: Record<string, number>;
  present: Record<string, Presence>;
  /** Everyone who joined at least once (names for groups and chat). */
  known: Record<string, { name: string; role: Role }>;
  poll: RoomPoll | null;
  pollHistory: PollSummary[];
  questions: RoomQuestion[];
  hands: RoomHand[];
  groups: RoomGroups | null;
  chat: ChatMessageView[];
  chatMuted: boolean;
  mutedUserIds: string[];
  timer: TimerView | null;
  version: number;
};

export type Presence = { name: string; role: Role; since: string; sockets: string[] };

/** A live activity of the lesson, with what the room needs to run it as a poll. */
export type RoomStep = { activityId: string; type: string; title: string; poll: PollSource | null };

export type QuizItemSource = { prompt: string; kind: string; choices: string[]; answer: unknown };
export type PollSource =
  | { kind: 'poll'; question: string; choices: string[]; anonymous: boolean }
  | { kind: 'quiz'; items: QuizItemSource[]; anonymous: boolean };

export type RoomPoll = {
  id: string;
  activityId: string;
  itemIndex: number | null;
  kind: 'poll' | 'quiz';
  question: string;
  choices: string[];
  multiple: boolean;
  anonymous: boolean;
  correct: number[] | null;
  /** Number of items of the quiz (to know when a student's live quiz is complete). */
  itemCount: number;
  status: 'open' | 'closed';
  revealed: boolean;
  openedAt: string;
  closedAt: string | null;
  answers: Record<string, number[]>;
};

export type PollSummary = {
  pollId: string;
  activityId: string;
  itemIndex: number | null;
  question: string;
  choices: string[];
  counts: number[];
  total: number;
  correct: number[] | null;
  anonymous: boolean;
};

export type RoomQuestion = {
  id: string;
  text: string;
  source: 'prework' | 'live';
  authorId: string;
  authorName: string;
  votes: string[];
  answered: boolean;
  createdAt: string;
};

export type RoomHand = { id: string; userId: string; name: string; note: string; raisedAt: string; helping: boolean };

export type RoomGroup = { id: string; name: string; task: string; userIds: string[]; videoUrl: string; chat: ChatMessageView[] };
export type RoomGroups = { task: string; assignedAt: string; endsAt: string | null; groups: RoomGroup[]; broadcasts: { text: string; at: string }[] };

export type Actor = { userId: string; name: string; role: Role };

/** Everything impure a command may need, handed in so the room logic stays a pure function. */
export type RoomContext = {
  actor: Actor;
  now: string;
  /** A fresh id for whatever this command creates (suffixed when it creates several). */
  newId: string;
  /** Seeds the shuffle of random groups. */
  seed: number;
};

/** Who receives an event: one Socket.IO room each, so the payload is serialised once. */
export type Audience = { to: 'all' } | { to: 'teachers' } | { to: 'students' } | { to: 'users'; userIds: string[] };
export type Outgoing = { audience: Audience; event: ServerEvent };

/** What must be written beside the state, in the same transaction (normalised rows). */
export type Effect =
  | { type: 'attendance.joined'; userId: string; at: string }
  | { type: 'attendance.left'; userId: string; at: string }
  | { type: 'response.live'; activityId: string; userId: string; kind: 'poll' | 'quiz'; itemIndex: number | null; itemCount: number; choice: number[]; multiple: boolean }
  | { type: 'question.insert'; question: RoomQuestion }
  | { type: 'question.vote'; questionId: string; userId: string; on: boolean; at: string }
  | { type: 'question.answered'; questionId: string; answered: boolean; at: string }
  | { type: 'hand.upsert'; hand: RoomHand }
  | { type: 'hand.close'; handId: string; status: 'lowered' | 'resolved'; at: string }
  | { type: 'chat.insert'; message: ChatMessageView }
  | { type: 'session.ended'; at: string };

export type RoomResult = { ok: true; state: RoomState; events: Outgoing[]; effects: Effect[] } | { ok: false; error: ProtocolError };

export class RoomError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function initialRoomState(input: { lessonId: string; now: string; videoBase: string; steps?: RoomStep[] }): RoomState {
  return {
    lessonId: input.lessonId,
    status: 'open',
    startedAt: input.now,
    endedAt: null,
    videoBase: input.videoBase,
    steps: input.steps ?? [],
    pace: 'teacher',
    step: 0,
    paceStep: 0,
    studentSteps: {},
    present: {},
    known: {},
    poll: null,
    pollHistory: [],
    questions: [],
    hands: [],
    groups: null,
    chat: [],
    chatMuted: false,
    mutedUserIds: [],
    timer: null,
    version: 0,
  };
}

/** The step a viewer is on: their own in student pace, the teacher's otherwise. */
export function stepOf(state: RoomState, userId: string, role: Role): number {
  if (role === 'teacher' || state.pace === 'teacher') return state.step;
  return state.studentSteps[userId] ?? state.paceStep;
}

export function groupOf(state: RoomState, userId: string) {
  return state.groups?.groups.find((g) => g.userIds.includes(userId)) ?? null;
}

export function presentIds(state: RoomState, role?: Role): string[] {
  return Object.entries(state.present)
    .filter(([, p]) => !role || p.role === role)
    .map(([id]) => id)
    .sort();
}

export function nameOf(state: RoomState, userId: string): string {
  return state.present[userId]?.name ?? state.known[userId]?.name ?? '';
}

export function countAnswers(poll: RoomPoll): { counts: number[]; total: number } {
  const counts = poll.choices.map(() => 0);
  let total = 0;
  for (const choice of Object.values(poll.answers)) {
    total += 1;
    for (const index of choice) if (index < counts.length) counts[index] = (counts[index] ?? 0) + 1;
  }
  return { counts, total };
}

export function summarisePoll(poll: RoomPoll): PollSummary {
  return {
    pollId: poll.id,
    activityId: poll.activityId,
    itemIndex: poll.itemIndex,
    question: poll.question,
    choices: poll.choices,
    ...countAnswers(poll),
    correct: poll.correct,
    anonymous: poll.anonymous,
  };
}
