import { z } from 'zod';
import { Id, Instant } from './common.ts';

/**
 * Targeted post-work: a post-work activity given only to the students live evidence points at.
 * An activity with targeting is visible (My work, progress) to its targets only; without, to all.
 */
export const TargetBody = z.discriminatedUnion('rule', [
  /** Students with no answer to the exit poll (a live poll; default: the run-sheet's last poll). */
  z.object({ rule: z.literal('missed_exit_poll'), pollActivityId: Id.optional() }),
  /** Students who never joined the live room. */
  z.object({ rule: z.literal('absent') }),
  /** Students whose score on a quiz of the lesson is below `threshold` percent (and, unless told otherwise, those who did not submit it). */
  z.object({
    rule: z.literal('below_score'),
    quizActivityId: Id,
    threshold: z.number().min(0).max(100),
    includeMissing: z.boolean().default(true),
  }),
  /** Exactly these students (the teacher's own choice or an adjusted rule result). */
  z.object({ rule: z.literal('manual'), userIds: z.array(Id).max(10_000) }),
]);
export type TargetBody = z.input<typeof TargetBody>;
export type TargetRuleChoice = z.infer<typeof TargetBody>;

export const Targeting = z.object({
  activityId: Id,
  rule: z.enum(['missed_exit_poll', 'absent', 'below_score', 'manual']),
  params: z.record(z.string(), z.unknown()),
  students: z.array(z.object({ userId: Id, name: z.string() })),
  createdAt: Instant,
});
export type Targeting = z.infer<typeof Targeting>;
/** null: the activity is for every student. */
export const TargetingEnvelope = z.object({ targeting: Targeting.nullable() });
