import type { LessonLiveInput, LessonLiveSession } from '../../../shared/schemas/lessons.ts';

/**
 * The seam to the live-sessions module (built separately). The lessons service asks it for a
 * lesson's live session; until a provider is attached every lesson has `live: null`.
 * Attach one with `services.lessons.attachLiveSessions(provider)` (or pass it in createLearning).
 */
export type LiveSessionsHook = {
  /** The lesson's live session, or null. */
  findForLesson(lessonId: string): Promise<LessonLiveSession | null>;
  /** startsAt per lesson id, for the course page's lesson summaries (one query for all). */
  startsForLessons?(lessonIds: string[]): Promise<Map<string, string>>;
  /** Called after `POST /api/courses/:courseId/lessons` created a lesson with a `live` part. */
  createForLesson?(input: { lessonId: string; courseId: string; userId: string; live: LessonLiveInput }): Promise<void>;
};
