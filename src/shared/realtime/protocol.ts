import { z } from 'zod';

/**
 * The live-room protocol (Socket.IO namespace `/live`, WebSocket transport, session cookie).
 * One file on purpose: the version, every message in each direction, the room view and the
 * error codes. Server and web both import it; see src/server/realtime/CONTEXT.md for states.
 *
 *   client → server  `join`    JoinMessage            ack: JoinAck   ({ok:true, state} | {ok:false, error})
 *   client → server  `command` ClientCommand          ack: CommandAck ({ok:true} | {ok:false, error})
 *   server → client  `state`   RoomView               the whole room as this user may see it
 *   server → client  `event`   ServerEvent            a small change, named `resource.action`
 *
 * A client keeps the RoomView from the join ack (or the last `state`) and folds every `event`
 * into it with `applyEvent` (src/shared/realtime/apply-event.ts). After a reconnect it sends
 * `join` again and gets the whole state back; nothing is lost across disconnects or restarts.
 */
export const PROTOCOL_VERSION = 1;

/** Why a join or a command was refused. */
export const ErrorCode = z.enum([
  'protocol_mismatch', // client built for another PROTOCOL_VERSION: reload the page
  'unauthenticated', // no valid session cookie
  'invalid_message', // did not match the schema; nothing changed
  'not_found', // no such lesson, or not a member (do not reveal which)
  'forbidden', // a teacher-only command from a student, or a student-only one from a teacher
  'room_not_open', // students: before the room opens (see roomOpensAt) or no session scheduled
  'session_cancelled',
  'session_ended',
  'not_joined', // a command before a successful join
  'no_open_poll',
  'invalid_choice',
  'invalid_step',
  'unknown_activity',
  'unknown_question',
  'unknown_hand',
  'invalid_groups',
  'no_groups',
  'chat_muted',
  'rate_limited',
  'conflict', // the room changed under us too many times; retry
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ProtocolError = z.object({ code: ErrorCode, message: z.string() });
export type ProtocolError = z.infer<typeof ProtocolError>;

const Id = z.string().min(1).max(64);
const Instant = z.string();
const ShortText = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------- client → server

export const JoinMessage = z.object({ lessonId: Id, protocol: z.number().int() });
export type JoinMessage = z.infer<typeof JoinMessage>;

const GroupPlan = z.object({ name: z.string().trim().max(80).optional(), userIds: z.array(Id).max(500), task: z.string().trim().max(2000).optional() });

/** Who may send each command: T = teachers, S = students, A = any member. */
export const ClientCommand = z.discriminatedUnion('type', [
  // A. Teacher: moves the class (teacher pace) or the teacher's own place. Students: own place, student pace only.
  z.object({ type: z.literal('step.goto'), index: z.number().int().min(0) }),
  z.object({ type: z.literal('step.next') }),
  z.object({ type: z.literal('step.prev') }),
  // T. Teacher pace: every screen follows the teacher. Student pace: each student moves freely.
  z.object({ type: z.literal('pace.set'), pace: z.enum(['teacher', 'student']) }),
  // T. Back to teacher pace, everyone on the teacher's step.
  z.object({ type: z.literal('pace.recall') }),
  // T. Opens a live poll, or one choice item of a live quiz (itemIndex, default 0). Closes any open poll.
  z.object({ type: z.literal('poll.open'), activityId: Id, itemIndex: z.number().int().min(0).optional() }),
  // S. One answer per student; answering again replaces it. Indices into poll.choices.
  z.object({ type: z.literal('poll.answer'), pollId: Id, choice: z.union([z.number().int().min(0), z.array(z.number().int().min(0)).min(1).max(50)]) }),
  // T. Shows the results (and, for a quiz item, the right answer) to students.
  z.object({ type: z.literal('poll.reveal') }),
  // T. Stops answers; results stay visible as they were.
  z.object({ type: z.literal('poll.close') }),
  // A.
  z.object({ type: z.literal('question.ask'), text: ShortText(1000) }),
  // A. Toggles the caller's upvote.
  z.object({ type: z.literal('question.vote'), questionId: Id }),
  // T.
  z.object({ type: z.literal('question.answered'), questionId: Id, answered: z.boolean().default(true) }),
  // S. Joins the help queue (again: updates the note, keeps the place).
  z.object({ type: z.literal('hand.raise'), note: z.string().trim().max(280).optional() }),
  // S.
  z.object({ type: z.literal('hand.lower') }),
  // T. Starts helping the first waiting hand (by time raised).
  z.object({ type: z.literal('help.next') }),
  // T. Done with a hand (the one being helped when handId is left out).
  z.object({ type: z.literal('help.resolve'), handId: Id.optional() }),
  // T. Breakout groups: by hand (explicit userIds: students who joined this session, else
  // invalid_groups), at random (count groups over the students present), or as suggested
  // (readiness suggestedGroups; students who never joined are skipped). Replaces current groups.
  z.object({
    type: z.literal('groups.assign'),
    strategy: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('manual'), groups: z.array(GroupPlan).min(1).max(50) }),
      z.object({ kind: z.literal('suggested'), groups: z.array(GroupPlan).min(1).max(50) }),
      z.object({ kind: z.literal('random'), count: z.number().int().min(1).max(50) }),
    ]),
    /** The task of every group (a group's own `task` replaces it). */
    task: z.string().trim().max(2000).default(''),
    /** Group work length; the timer end instant is stored, no server timer runs. */
    durationSeconds: z.number().int().min(30).max(4 * 3600).optional(),
  }),
  // T. A message to every group.
  z.object({ type: z.literal('groups.broadcast'), text: ShortText(1000) }),
  // T. Everyone back to the main room.
  z.object({ type: z.literal('groups.end') }),
  // A. Room chat, or (scope 'group') the sender's breakout group chat.
  z.object({ type: z.literal('chat.send'), text: ShortText(2000), scope: z.enum(['room', 'group']).default('room') }),
  // T. Without userId: students can no longer write in the room chat. With userId: that student only.
  z.object({ type: z.literal('chat.mute'), userId: Id.optional() }),
  z.object({ type: z.literal('chat.unmute'), userId: Id.optional() }),
  // T. A countdown everyone sees; only its end instant is stored.
  z.object({ type: z.literal('timer.start'), seconds: z.number().int().min(1).max(4 * 3600) }),
  z.object({ type: z.literal('timer.stop') }),
  // T. Ends the session for everyone: summary, discussion threads, catch-up for absentees.
  z.object({ type: z.literal('session.end') }),
]);
export type ClientCommand = z.infer<typeof ClientCommand>;
export type ClientCommandInput = z.input<typeof ClientCommand>;
export type CommandType = ClientCommand['type'];

export const TEACHER_ONLY: ReadonlySet<CommandType> = new Set<CommandType>([
  'pace.set', 'pace.recall', 'poll.open', 'poll.reveal', 'poll.close', 'question.answered', 'help.next', 'help.resolve',
  'groups.assign', 'groups.broadcast', 'groups.end', 'chat.mute', 'chat.unmute', 'timer.start', 'timer.stop', 'session.end',
]);
export const STUDENT_ONLY: ReadonlySet<CommandType> = new Set<CommandType>(['poll.answer', 'hand.raise', 'hand.lower']);

// ---------------------------------------------------------------- the room view

export const Role = z.enum(['teacher', 'student']);
export type Role = z.infer<typeof Role>;

export const MemberView = z.object({ userId: Id, name: z.string(), role: Role });
export type MemberView = z.infer<typeof MemberView>;

export const StepView = z.object({
  activityId: Id,
  type: z.string(),
  title: z.string(),
  /** A poll, or a quiz with choice items: the teacher can open it with poll.open. */
  pollable: z.boolean(),
});
export type StepView = z.infer<typeof StepView>;

export const PollResults = z.object({ counts: z.array(z.number().int()), total: z.number().int() });
export type PollResults = z.infer<typeof PollResults>;

export const PollView = z.object({
  id: Id,
  activityId: Id,
  /** Quiz item shown, null for a poll. */
  itemIndex: z.number().int().nullable(),
  kind: z.enum(['poll', 'quiz']),
  question: z.string(),
  choices: z.array(z.string()),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  status: z.enum(['open', 'closed']),
  revealed: z.boolean(),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  /** Teachers always; students once revealed. */
  results: PollResults.nullable(),
  /** Quiz items: the right choices; teachers always, students once revealed. */
  correct: z.array(z.number().int()).nullable(),
  /** Teachers only, and never for an anonymous poll: who answered what. */
  responses: z.array(z.object({ userId: Id, name: z.string(), choice: z.array(z.number().int()) })).nullable(),
});
export type PollView = z.infer<typeof PollView>;

export const QuestionView = z.object({
  id: Id,
  text: z.string(),
  source: z.enum(['prework', 'live']),
  votes: z.number().int(),
  answered: z.boolean(),
  createdAt: Instant,
  /** Teachers only; null for students. */
  authorName: z.string().nullable(),
});
export type QuestionView = z.infer<typeof QuestionView>;

/** Help queue entry, in raise order. Students see only ids and times (their own place via me.hand). */
export const HandView = z.object({
  id: Id,
  raisedAt: Instant,
  helping: z.boolean(),
  userId: Id.nullable(),
  name: z.string().nullable(),
  note: z.string().nullable(),
});
export type HandView = z.infer<typeof HandView>;

export const ChatMessageView = z.object({ id: Id, userId: Id, name: z.string(), text: z.string(), at: Instant, groupId: Id.nullable() });
export type ChatMessageView = z.infer<typeof ChatMessageView>;

export const GroupView = z.object({
  id: Id,
  name: z.string(),
  members: z.array(z.object({ userId: Id, name: z.string() })),
  task: z.string(),
  /** A video room of its own (a Jitsi room derived from the session). */
  videoUrl: z.string(),
  chat: z.array(ChatMessageView),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupsView = z.object({
  task: z.string(),
  assignedAt: Instant,
  endsAt: Instant.nullable(),
  /** Teachers: every group. Students: only their own (empty when they have none). */
  groups: z.array(GroupView),
  broadcasts: z.array(z.object({ text: z.string(), at: Instant })),
});
export type GroupsView = z.infer<typeof GroupsView>;

export const TimerView = z.object({ startedAt: Instant, endsAt: Instant, seconds: z.number().int() });
export type TimerView = z.infer<typeof TimerView>;

export const MeView = z.object({
  userId: Id,
  role: Role,
  /** Where this user is in student pace (equals `step` in teacher pace). */
  step: z.number().int(),
  pollAnswer: z.object({ pollId: Id, choice: z.array(z.number().int()) }).nullable(),
  votedQuestionIds: z.array(Id),
  hand: z.object({ id: Id, note: z.string(), raisedAt: Instant }).nullable(),
  groupId: Id.nullable(),
  /** Muted by the teacher, personally. */
  muted: z.boolean(),
});
export type MeView = z.infer<typeof MeView>;

export const CHAT_HISTORY = 100;
export const BROADCAST_HISTORY = 20;

export const RoomView = z.object({
  protocol: z.number().int(),
  lessonId: Id,
  /** The room version of this snapshot (events carry the version they lead to). */
  version: z.number().int(),
  status: z.enum(['open', 'ended']),
  endedAt: Instant.nullable(),
  steps: z.array(StepView),
  pace: z.enum(['teacher', 'student']),
  /** The teacher's step: what everyone sees in teacher pace. */
  step: z.number().int(),
  /** Teachers, in student pace: where each student is. Empty for students. */
  progress: z.array(z.object({ userId: Id, step: z.number().int() })),
  present: z.array(MemberView),
  poll: PollView.nullable(),
  questions: z.array(QuestionView),
  hands: z.array(HandView),
  groups: GroupsView.nullable(),
  /** The last CHAT_HISTORY room messages. */
  chat: z.array(ChatMessageView),
  chatMuted: z.boolean(),
  /** Teachers only: students muted one by one. */
  mutedUserIds: z.array(Id),
  timer: TimerView.nullable(),
  me: MeView,
});
export type RoomView = z.infer<typeof RoomView>;

export const JoinAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: RoomView }),
  z.object({ ok: z.literal(false), error: ProtocolError }),
]);
export type JoinAck = z.infer<typeof JoinAck>;

export const CommandAck = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: ProtocolError })]);
export type CommandAck = z.infer<typeof CommandAck>;

// ---------------------------------------------------------------- server → client events

/**
 * Small changes. Each carries what the receiving audience may see (a teacher's `poll.results`
 * names who answered; a student's does not), so a client folds them in without asking again.
 */
export const ServerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member.joined'), member: MemberView }),
  z.object({ type: z.literal('member.left'), userId: Id }),
  z.object({ type: z.literal('steps.updated'), steps: z.array(StepView), step: z.number().int() }),
  /** The teacher's step or the pace changed. `recalled`: every student is back on `step`. */
  z.object({ type: z.literal('step.changed'), step: z.number().int(), pace: z.enum(['teacher', 'student']), recalled: z.boolean() }),
  /** Teachers: a student moved in student pace. */
  z.object({ type: z.literal('step.progress'), userId: Id, step: z.number().int() }),
  z.object({ type: z.literal('poll.opened'), poll: PollView }),
  z.object({ type: z.literal('poll.results'), pollId: Id, results: PollResults, responses: PollView.shape.responses }),
  z.object({ type: z.literal('poll.revealed'), poll: PollView }),
  z.object({ type: z.literal('poll.closed'), poll: PollView }),
  z.object({ type: z.literal('question.added'), question: QuestionView }),
  z.object({ type: z.literal('question.updated'), question: QuestionView }),
  z.object({ type: z.literal('questions.synced'), questions: z.array(QuestionView) }),
  z.object({ type: z.literal('hand.raised'), hand: HandView }),
  z.object({ type: z.literal('hand.lowered'), handId: Id }),
  z.object({ type: z.literal('help.started'), handId: Id }),
  z.object({ type: z.literal('help.resolved'), handId: Id }),
  z.object({ type: z.literal('groups.assigned'), groups: GroupsView }),
  z.object({ type: z.literal('groups.broadcast'), text: z.string(), at: Instant }),
  z.object({ type: z.literal('groups.ended') }),
  z.object({ type: z.literal('chat.message'), message: ChatMessageView }),
  z.object({ type: z.literal('chat.muted'), muted: z.boolean() }),
  /** Teachers: the list of students muted one by one. */
  z.object({ type: z.literal('chat.mutedUsers'), userIds: z.array(Id) }),
  z.object({ type: z.literal('timer.started'), timer: TimerView }),
  z.object({ type: z.literal('timer.stopped') }),
  z.object({ type: z.literal('session.ended'), endedAt: Instant }),
  /** Only to the user concerned: their own part of the view changed. */
  z.object({ type: z.literal('me.changed'), me: MeView.partial() }),
]);
export type ServerEvent = z.infer<typeof ServerEvent>;
export type ServerEventType = ServerEvent['type'];

/**
 * An event as sent, stamped with the room version it leads to (all events of one command share
 * it). A client holds events that arrive while its `join` is pending, then drops those whose
 * version is not above the snapshot's (already included) and folds the rest (`applyMessage`).
 */
export type EventMessage = ServerEvent & { version: number };

/** Socket.IO event names, typed for `io<ServerToClient, ClientToServer>()`. */
export type ClientToServerEvents = {
  join: (message: JoinMessage, ack: (answer: JoinAck) => void) => void;
  command: (message: ClientCommandInput, ack: (answer: CommandAck) => void) => void;
};
export type ServerToClientEvents = {
  state: (view: RoomView) => void;
  event: (event: EventMessage) => void;
};
export const LIVE_NAMESPACE = '/live';
