import { z } from 'zod';
import { ActivityType, LearningType, Phase } from './activities.ts';
import { Locale } from './common.ts';
import { LessonLiveInput, LessonTitle } from './lessons.ts';

/** Ready three-phase lesson structures (pre-work → live session → post-work). */
export const LESSON_TEMPLATE_IDS = ['flipped', 'station_rotation', 'discussion_seminar', 'workshop'] as const;
export const LessonTemplateId = z.enum(LESSON_TEMPLATE_IDS);
export type LessonTemplateId = z.infer<typeof LessonTemplateId>;

export const TemplateActivity = z.object({
  phase: Phase,
  type: ActivityType,
  title: z.string(),
  estimatedMinutes: z.int(),
  learningType: LearningType,
});
export type TemplateActivity = z.infer<typeof TemplateActivity>;

export const LessonTemplate = z.object({
  id: LessonTemplateId,
  name: z.string(),
  description: z.string(),
  /** Suggested live session length. */
  liveDurationMinutes: z.int(),
  minutes: z.object({ pre: z.int(), live: z.int(), post: z.int() }),
  activities: z.array(TemplateActivity),
});
export type LessonTemplate = z.infer<typeof LessonTemplate>;

/** GET /api/lesson-templates (?locale=en|fr, default the caller's). */
export const LessonTemplateQuery = z.object({ locale: Locale.optional() });
export const LessonTemplateList = z.object({ templates: z.array(LessonTemplate) });

/**
 * POST /api/courses/:courseId/lessons/from-template. With `startsAt` the lesson gets a live
 * session, pre-work due at its start and post-work due a week after. Texts are in the teacher's
 * locale unless `locale` says otherwise.
 */
export const FromTemplateBody = LessonLiveInput.partial().extend({
  template: LessonTemplateId,
  title: LessonTitle.optional(),
  locale: Locale.optional(),
});
export type FromTemplateBody = z.input<typeof FromTemplateBody>;
