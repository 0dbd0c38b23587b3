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
  activities: ActivitiesTable;
  responses: ResponsesTable;
  questions: QuestionsTable;
  question_votes: QuestionVotesTable;
  discussion_posts: DiscussionPostsTable;
  uploads: UploadsTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
}
