import { z } from 'zod';
import { ActivityType, Phase, ResponseStatus } from './activities.ts';
import { Id, Instant } from './common.ts';

/** GET /api/courses/:courseId/progress — students × activities (CSV: …/progress.csv). */
export const ProgressGrid = z.object({
  courseId: Id,
  activities: z.array(
    z.object({
      id: Id,
      lessonId: Id,
      lessonTitle: z.string(),
      phase: Phase,
      type: ActivityType,
      title: z.string(),
      required: z.boolean(),
      dueAt: Instant.nullable(),
    }),
  ),
  students: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      email: z.string(),
      /** Same order as `activities`. */
      cells: z.array(
        z.object({
          status: ResponseStatus,
          score: z.number().nullable(),
          maxScore: z.number().nullable(),
          late: z.boolean(),
          /** False for targeted post-work (or a catch-up copy) not given to this student: not counted. */
          assigned: z.boolean(),
        }),
      ),
      completed: z.int(),
      required: z.int(),
    }),
  ),
});
export type ProgressGrid = z.infer<typeof ProgressGrid>;
