import type { Generated } from 'kysely';

/**
 * Column conventions that hold on SQLite and PostgreSQL alike:
 * ids are text; instants are ISO 8601 UTC text (they sort as strings); booleans are 0/1 integers;
 * structured content is JSON text.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: 'en' | 'fr';
  time_zone: string;
  created_at: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  /** Privacy (migration 0006): 1 for instance administrators (delete accounts, read the whole audit log). */
  is_admin: Generated<number>;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  course_id: string | null;
  /** JSON */
  details: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface CoursesTable {
  id: string;
  title: string;
  description: string;
  join_code: string;
  archived: number;
  created_at: string;
  updated_at: string;
  /** Readiness (migration 0005): how many minutes of required pre-work a lesson should ask for. */
  prework_budget_minutes: Generated<number>;
  /** Readiness (migration 0005): below this share of ready students, suggest a re-teach first. */
  readiness_threshold_percent: Generated<number>;
}

export interface CourseMembersTable {
  course_id: string;
  user_id: string;
  role: 'teacher' | 'student';
  joined_at: string;
}

export interface LessonsTable {
  id: string;
  course_id: string;
  title: string;
  position: number;
  created_at: string;
  updated_at: string;
}

// --- Asynchronous learning (migration 20261125_0002_async_learning) ---

export type LessonPhaseColumn = 'pre' | 'live' | 'post';
export type ResponseStatusColumn = 'not_started' | 'in_progress' | 'done';

export interface ActivitiesTable {
  id: string;
  course_id: string;
  lesson_id: string;
  phase: LessonPhaseColumn;
  /** page | video | quiz | poll | question_box | reflection | discussion | checklist | link (see src/shared/schemas/activities.ts) */
  type: string;
  title: string;
  position: number;
  estimated_minutes: number | null;
  opens_at: string | null;
  due_at: string | null;
  required: number;
  /** 1 when the teacher closed submissions. */
  closed: number;
  learning_type: string | null;
  /** JSON: the teacher's copy of the content (quiz answers included; strip before showing students). */
  content: string;
  created_at: string;
  updated_at: string;
}

/** One row per (activity, student); async and live modes write the same row. */
export interface ResponsesTable {
  id: string;
  activity_id: string;
  user_id: string;
  course_id: string;
  status: ResponseStatusColumn;
  /** JSON, shape by activity type (e.g. {answers}, {text}, {checked}, {choice}, {positionSeconds}). */
  body: string;
  /** Who wrote last: 'async' (student-paced) or 'live' (teacher-paced). */
  mode: 'async' | 'live';
  score: number | null;
  max_score: number | null;
  attempts: number;
  late: number;
  submitted_at: string | null;
  /** JSON array of {submissionId, attempt, result, submittedAt}; a retried submitId returns its result. */
  submissions: string;
  feedback: string | null;
  feedback_at: string | null;
  feedback_by: string | null;
  /** Bumped on every write (optimistic concurrency). */
  revision: number;
  created_at: string;
  updated_at: string;
}

/** Questions brought to class (question_box, source 'prework') or asked in the live room (source 'live'). */
export interface QuestionsTable {
  id: string;
  course_id: string;
  lesson_id: string;
  activity_id: string | null;
  user_id: string;
  text: string;
  answered: number;
  source: 'prework' | 'live';
  hidden: number;
  created_at: string;
  updated_at: string;
}

export interface QuestionVotesTable {
  question_id: string;
  user_id: string;
  created_at: string;
}

export interface DiscussionPostsTable {
  id: string;
  course_id: string;
  activity_id: string;
  parent_id: string | null;
  user_id: string;
  body: string;
  hidden: number;
  deleted_at: string | null;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UploadsTable {
  id: string;
  course_id: string;
  user_id: string;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  /** JSON; the title and text are rendered in the reader's locale when listed. */
  data: string;
  read_at: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  error: string | null;
  created_at: string;
}

// --- Live sessions (migration 20261125_0003_live_sessions) ---

export interface LiveSessionsTable {
  id: string;
  lesson_id: string;
  course_id: string;
  /** Sessions created together by a weekly recurrence share it. */
  series_id: string | null;
  starts_at: string;
  duration_minutes: number;
  /** The teacher's IANA zone: recurrences keep the wall-clock time in it. */
  time_zone: string;
  location: string | null;
  video_url: string | null;
  provider: string | null;
  status: 'scheduled' | 'cancelled';
  /** RFC 5545 SEQUENCE, bumped on every change. */
  sequence: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** sha256 of the feed token (the token is never stored). */
  token_hash: string;
  nonce: string;
  created_at: string;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  dedupe_key: string;
  /** JSON */
  payload: string;
  run_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  attempts: number;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface LiveRoomsTable {
  lesson_id: string;
  session_id: string | null;
  /** JSON: RoomState (src/server/realtime/room/state.ts). */
  state: string;
  version: number;
  status: 'open' | 'ended';
  created_at: string;
  updated_at: string;
}

export interface LiveAttendanceTable {
  id: string;
  lesson_id: string;
  user_id: string;
  joined_at: string;
  left_at: string | null;
}

export interface LiveHandsTable {
  id: string;
  lesson_id: string;
  user_id: string;
  note: string;
  raised_at: string;
  status: 'waiting' | 'helping' | 'lowered' | 'resolved';
  closed_at: string | null;
  updated_at: string;
}

export interface LiveChatMessagesTable {
  id: string;
  lesson_id: string;
  user_id: string;
  group_id: string | null;
  text: string;
  created_at: string;
}

export interface LiveSummariesTable {
  lesson_id: string;
  /** JSON: LiveSummary (src/shared/schemas/live.ts). */
  summary: string;
  created_at: string;
}

export interface LiveCatchupsTable {
  activity_id: string;
  user_id: string;
  lesson_id: string;
  created_at: string;
}

/** Added to `activities` by the live-sessions migration: set on catch-up copies (seen by their assignees only). */
export interface ActivityCatchUpColumns {
  catch_up_for_lesson_id: string | null;
}

// --- Readiness and design guidance (migration 20261125_0005_readiness) ---

/** One row per item of a student's latest quiz submission; written by the quiz submit path. */
export interface QuizItemResultsTable {
  response_id: string;
  item_id: string;
  item_index: number;
  activity_id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  correct: number;
  /** Normalised answer ("2", "0,3", "photosynthese", "3.5"); null for a blank item. */
  answer_key: string | null;
  submitted_at: string;
}

export interface LessonStuckTable {
  lesson_id: string;
  user_id: string;
  course_id: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface LessonNudgesTable {
  lesson_id: string;
  user_id: string;
  sent_at: string;
  sent_by: string;
}

export interface LessonReadinessTable {
  lesson_id: string;
  course_id: string;
  /** JSON: PlannedGroups (src/shared/schemas/readiness.ts). */
  planned_groups: string | null;
  planned_at: string | null;
  planned_by: string | null;
  accepted_activity_id: string | null;
  accepted_at: string | null;
  updated_at: string;
}

/** Present for an activity given only to some students (activity_targets lists them). */
export interface ActivityTargetingTable {
  activity_id: string;
  course_id: string;
  lesson_id: string;
  rule: string;
  /** JSON */
  params: string;
  created_by: string;
  created_at: string;
}

export interface ActivityTargetsTable {
  activity_id: string;
  user_id: string;
  created_at: string;
}

export interface MigrationLockProbe {
  id: Generated<number>;
}

export interface DB {
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  sessions: SessionsTable;
  courses: CoursesTable;
  course_members: CourseMembersTable;
  lessons: LessonsTable;
  activities: ActivitiesTable & ActivityCatchUpColumns;
  responses: ResponsesTable;
  questions: QuestionsTable;
  question_votes: QuestionVotesTable;
  discussion_posts: DiscussionPostsTable;
  uploads: UploadsTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  quiz_item_results: QuizItemResultsTable;
  lesson_stuck: LessonStuckTable;
  lesson_nudges: LessonNudgesTable;
  lesson_readiness: LessonReadinessTable;
  activity_targeting: ActivityTargetingTable;
  activity_targets: ActivityTargetsTable;
  live_sessions: LiveSessionsTable;
  calendar_feeds: CalendarFeedsTable;
  server_secrets: ServerSecretsTable;
  jobs: JobsTable;
  live_rooms: LiveRoomsTable;
  live_attendance: LiveAttendanceTable;
  live_hands: LiveHandsTable;
  live_chat_messages: LiveChatMessagesTable;
  live_summaries: LiveSummariesTable;
  live_catchups: LiveCatchupsTable;
}
