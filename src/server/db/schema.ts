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

export interface MigrationLockProbe {
  id: Generated<number>;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  courses: CoursesTable;
  course_members: CourseMembersTable;
  lessons: LessonsTable;
}
