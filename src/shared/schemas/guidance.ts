import { z } from 'zod';
import { LearningType } from './activities.ts';
import { Id, Instant } from './common.ts';
import { LocalizedText, ReasonParams } from './readiness.ts';

/**
 * Design guidance: where a lesson's time goes (per phase, per learning type) and gentle flags
 * when the design works against the pre-work → live → post-work loop, each with a one-click fix
 * where one exists (POST /api/lessons/:lessonId/guidance/fix).
 */

export const GUIDANCE_CODES = [
  'live_acquisition', // live time presenting what could be pre-work → move it to pre-work
  'prework_over_budget', // required pre-work minutes above the course budget (no automatic fix)
  'no_prework', // a live session with no pre-work → add a template pre-work activity
  'no_postwork', // a live session with no post-work → add a template post-work activity
  'prework_due_after_start', // pre-work due after the session starts → due at the session start
  'prework_opens_late', // pre-work opening too late to be done before the session → open it earlier
  'live_no_interaction', // no poll, question, group or discussion step → add a check-in poll
] as const;
export const GuidanceCode = z.enum(GUIDANCE_CODES);
export type GuidanceCode = z.infer<typeof GuidanceCode>;

/** Pre-work should be open at least this long before the session starts. */
export const PREWORK_MIN_OPEN_HOURS = 24;

export const GuidanceFlag = z.object({
  code: GuidanceCode,
  severity: z.enum(['info', 'warning']),
  /** The activity concerned, for per-activity flags. */
  activityId: Id.nullable(),
  params: ReasonParams,
  /** The reason, in the caller's locale; `texts` has both. */
  text: z.string(),
  texts: LocalizedText,
  fix: z.object({ code: GuidanceCode, label: z.string(), labels: LocalizedText }).nullable(),
});
export type GuidanceFlag = z.infer<typeof GuidanceFlag>;

export const PhaseMinutes = z.object({ pre: z.int(), live: z.int(), post: z.int(), total: z.int() });

export const Guidance = z.object({
  lessonId: Id,
  liveStartsAt: Instant.nullable(),
  liveDurationMinutes: z.int().nullable(),
  preworkBudgetMinutes: z.int(),
  /** Estimated minutes (sum of activities' estimates) per phase. */
  minutes: PhaseMinutes,
  /** Required pre-work minutes (what the budget is compared with). */
  requiredPreworkMinutes: z.int(),
  /** One row per learning type used, plus 'unclassified' for activities without one. */
  byLearningType: z.array(PhaseMinutes.extend({ learningType: z.union([LearningType, z.literal('unclassified')]) })),
  flags: z.array(GuidanceFlag),
});
export type Guidance = z.infer<typeof Guidance>;

export const GuidanceFixBody = z.object({ code: GuidanceCode, activityId: Id.optional() });
export type GuidanceFixBody = z.input<typeof GuidanceFixBody>;

export const GuidanceFixResult = z.object({
  fixed: z.object({ code: GuidanceCode, activityId: Id.nullable() }),
  guidance: Guidance,
});
