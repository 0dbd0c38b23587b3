import { z } from 'zod';
import { Id, Instant } from './common.ts';

/** GET /api/lessons/:lessonId/report (and .csv): the three phases side by side, per student. */
export const LessonReportStudent = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  pre: z.object({ done: z.int(), required: z.int() }),
  attended: z.boolean(),
  /** Minutes in the live room, summed over joins (an open join counts up to now). */
  minutesPresent: z.int(),
  live: z.object({
    /** Live poll / live quiz activities answered. */
    pollAnswers: z.int(),
    questions: z.int(),
    hands: z.int(),
  }),
  /** Required post-work assigned to them (targeting respected) and done. */
  post: z.object({ done: z.int(), assigned: z.int() }),
});
export type LessonReportStudent = z.infer<typeof LessonReportStudent>;

export const LessonReport = z.object({
  lessonId: Id,
  courseId: Id,
  title: z.string(),
  liveStartsAt: Instant.nullable(),
  students: z.array(LessonReportStudent),
  totals: z.object({
    students: z.int(),
    preworkComplete: z.int(),
    attended: z.int(),
    participated: z.int(),
    postworkComplete: z.int(),
  }),
});
export type LessonReport = z.infer<typeof LessonReport>;
