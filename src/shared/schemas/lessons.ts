import { z } from 'zod';
import { Activity, Phase } from './activities.ts';
import { Id, Instant } from './common.ts';

export const LessonTitle = z.string().trim().min(1).max(200);

/**
 * The lesson's live session as the live-sessions module presents it. Only these fields are
 * promised here; the live module may add more and they pass through untouched.
 */
export const LessonLiveSession = z.looseObject({
  id: Id,
  startsAt: Instant,
  durationMinutes: z.int(),
  location: z.string().nullable().optional(),
  videoUrl: z.string().nullable().optional(),
});
export type LessonLiveSession = z.infer<typeof LessonLiveSession>;

/** Handed to the live-sessions module when a lesson is created with `live`. */
export const LessonLiveInput = z.object({
  startsAt: Instant,
  durationMinutes: z.int().min(5).max(24 * 60),
  location: z.string().trim().max(500).optional(),
  videoUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type LessonLiveInput = z.infer<typeof LessonLiveInput>;

export const CreateLessonBody = z.object({ title: LessonTitle, live: LessonLiveInput.optional() });
export type CreateLessonBody = z.input<typeof CreateLessonBody>;

export const UpdateLessonBody = z.object({ title: LessonTitle });
export type UpdateLessonBody = z.input<typeof UpdateLessonBody>;

/** PUT /api/courses/:courseId/lessons/order: every lesson id of the course, once, in the new order. */
export const ReorderLessonsBody = z.object({ lessonIds: z.array(Id).max(1000) });
export type ReorderLessonsBody = z.input<typeof ReorderLessonsBody>;

/**
 * PUT /api/lessons/:lessonId/activities/order: the full layout of the lesson. Every activity of
 * the lesson appears exactly once; moving an id to another list moves it to that phase.
 */
export const ReorderActivitiesBody = z.object({
  pre: z.array(Id).max(500),
  live: z.array(Id).max(500),
  post: z.array(Id).max(500),
});
export type ReorderActivitiesBody = z.input<typeof ReorderActivitiesBody>;

export const LessonProgress = z.object({ done: z.int(), required: z.int() });

export const Lesson = z.object({
  id: Id,
  courseId: Id,
  title: z.string(),
  position: z.int(),
  role: z.enum(['teacher', 'student']),
  pre: z.array(Activity),
  /** The live session (scheduling belongs to the live-sessions module); null when none. */
  live: LessonLiveSession.nullable(),
  /** Phase `live` activities: the run-sheet, in order. */
  liveActivities: z.array(Activity),
  post: z.array(Activity),
  /** The caller's own progress over required pre/post activities (students; zeros for teachers). */
  progress: LessonProgress,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Lesson = z.infer<typeof Lesson>;

export const LessonParams = z.object({ lessonId: Id });
export const LessonEnvelope = z.object({ lesson: Lesson });
export const PhaseParam = Phase;
