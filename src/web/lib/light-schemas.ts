import type { User } from '../../shared/schemas/auth.ts';
import type { Course } from '../../shared/schemas/courses.ts';
import type { LiveSession } from '../../shared/schemas/live.ts';
import type { Notification } from '../../shared/schemas/notifications.ts';
import type { MyWork } from '../../shared/schemas/work.ts';
import type { Parser } from './api.ts';
import { ACTIVITY_TYPE_NAMES, RESPONSE_STATUSES } from './activity-type-names.ts';
import { array, boolean, int, literal, nullable, object, string, unknownRecord } from './guard.ts';

/**
 * zod-free twins of the shared schemas that "My work", the header and the session need at
 * startup (see guard.ts). Each is typed as a Parser of the zod type it mirrors, so tsc catches
 * drift; guard.test.ts runs both on the same data.
 */

const user = object({ id: string, email: string, name: string, locale: literal('en', 'fr'), timeZone: string });
export const UserEnvelopeLight: Parser<{ user: User }> = object({ user });

const course = object({
  id: string,
  title: string,
  description: string,
  role: literal('teacher', 'student'),
  archived: boolean,
  joinCode: nullable(string),
  createdAt: string,
  teacherNames: array(string),
  studentCount: int,
  preworkBudgetMinutes: int,
  readinessThresholdPercent: int,
});
export const CourseListLight: Parser<{ courses: Course[] }> = object({ courses: array(course) });

const progress = object({ done: int, total: int, percent: int });
const workItem = object({
  activity: object({ id: string, title: string, type: literal(...ACTIVITY_TYPE_NAMES), required: boolean }),
  course: object({ id: string, title: string }),
  lesson: object({ id: string, title: string, position: int }),
  phase: literal('pre', 'post'),
  opensAt: nullable(string),
  dueAt: nullable(string),
  status: literal(...RESPONSE_STATUSES),
  estimatedMinutes: nullable(int),
  late: boolean,
  submittedAt: nullable(string),
});
export const MyWorkLight: Parser<MyWork> = object({
  now: string,
  overdue: array(workItem),
  dueSoon: array(workItem),
  later: array(workItem),
  done: array(workItem),
  courses: array(object({ courseId: string, title: string, progress })),
  lessons: array(object({ lessonId: string, courseId: string, title: string, progress })),
  remainingMinutes: int,
});

const notification = object({
  id: string,
  kind: literal('feedback', 'prework_nudge'),
  title: string,
  text: string,
  link: nullable(string),
  data: unknownRecord,
  read: boolean,
  createdAt: string,
});
export const NotificationListLight: Parser<{ notifications: Notification[]; unreadCount: number }> = object({ notifications: array(notification), unreadCount: int });

/** Only what a Join button needs from GET /api/lessons/:id/live. */
export type LiveWindow = Pick<LiveSession, 'status' | 'roomOpensAt' | 'endsAt' | 'startsAt'>;
export const LiveWindowEnvelope: Parser<{ live: LiveWindow }> = object({
  live: object({ status: literal('scheduled', 'cancelled'), roomOpensAt: string, endsAt: string, startsAt: string }),
});
