import { z } from 'zod';
import { ActivityType, Phase, ResponseStatus } from './activities.ts';
import { Id, Instant } from './common.ts';

export const WorkItem = z.object({
  activity: z.object({ id: Id, title: z.string(), type: ActivityType, required: z.boolean() }),
  course: z.object({ id: Id, title: z.string() }),
  lesson: z.object({ id: Id, title: z.string(), position: z.int() }),
  phase: Phase.exclude(['live']),
  opensAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  status: ResponseStatus,
  estimatedMinutes: z.int().nullable(),
  /** Done after the due date, or not done and the due date has passed. */
  late: z.boolean(),
  submittedAt: Instant.nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const Progress = z.object({ done: z.int(), total: z.int(), percent: z.int() });

/**
 * GET /api/me/work: open pre/post activities of the caller's (non-archived) courses where they
 * are a student. Not-yet-open activities and closed ones not done are left out.
 * Groups: overdue (due passed, not done), dueSoon (due within 48 h), later, done (newest first).
 * Progress counts required pre/post activities.
 */
export const MyWork = z.object({
  now: Instant,
  overdue: z.array(WorkItem),
  dueSoon: z.array(WorkItem),
  later: z.array(WorkItem),
  done: z.array(WorkItem),
  courses: z.array(z.object({ courseId: Id, title: z.string(), progress: Progress })),
  lessons: z.array(z.object({ lessonId: Id, courseId: Id, title: z.string(), progress: Progress })),
  remainingMinutes: z.int(),
});
export type MyWork = z.infer<typeof MyWork>;
