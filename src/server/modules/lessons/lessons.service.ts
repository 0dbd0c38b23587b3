import type { LessonSummary } from '../../../shared/schemas/courses.ts';
import type { CreateLessonBody, Lesson, ReorderActivitiesBody } from '../../../shared/schemas/lessons.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { LessonRow, LessonsRepository } from './lessons.repository.ts';
import type { LiveSessionsHook } from './live-hook.ts';

type Deps = {
  lessons: LessonsRepository;
  activities: ActivitiesRepository;
  activityService: ActivitiesService;
  policy: CoursePolicy;
  liveSessions?: LiveSessionsHook | undefined;
  /** Targeted post-work and catch-up copies: hidden from the students they are not given to. */
  visibility?: { hiddenFor(userId: string, activityIds: string[]): Promise<Set<string>> } | undefined;
};

function samePermutation(given: string[], existing: string[]): boolean {
  return given.length === existing.length && new Set(given).size === given.length && given.every((id) => existing.includes(id));
}

export function createLessonsService(deps: Deps) {
  const { lessons, activities, activityService, policy } = deps;
  let liveSessions = deps.liveSessions;

  async function lessonForMember(lessonId: string, userId: string) {
    const lesson = await lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    const course = await policy.requireMember(lesson.course_id, userId).catch(() => {
      throw notFound('Lesson not found');
    });
    return { lesson, course };
  }

  async function lessonForTeacher(lessonId: string, userId: string): Promise<LessonRow> {
    const lesson = await lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    await policy.requireTeacher(lesson.course_id, userId);
    return lesson;
  }

  async function view(lessonId: string, userId: string, now = new Date()): Promise<Lesson> {
    const { lesson, course } = await lessonForMember(lessonId, userId);
    const all = await activities.listForLesson(lesson.id);
    const hidden = course.role === 'student' && deps.visibility ? await deps.visibility.hiddenFor(userId, all.map((a) => a.id)) : new Set<string>();
    const rows = all.filter((a) => !hidden.has(a.id));
    const [presented, live] = await Promise.all([
      activityService.presentMany(rows, lesson.course_id, course.role, userId, now),
      liveSessions ? liveSessions.findForLesson(lesson.id) : Promise.resolve(null),
    ]);
    const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
    const requiredAsync = presented.filter((a) => a.phase !== 'live' && a.required);
    return {
      id: lesson.id,
      courseId: lesson.course_id,
      title: lesson.title,
      position: Number(lesson.position),
      role: course.role,
      pre: presented.filter((a) => a.phase === 'pre').sort(byPosition),
      live,
      liveActivities: presented.filter((a) => a.phase === 'live').sort(byPosition),
      post: presented.filter((a) => a.phase === 'post').sort(byPosition),
      progress: {
        done: course.role === 'student' ? requiredAsync.filter((a) => a.myResponse?.status === 'done').length : 0,
        required: course.role === 'student' ? requiredAsync.length : 0,
      },
      createdAt: lesson.created_at,
      updatedAt: lesson.updated_at,
    };
  }

  return {
    view,

    /** The live-sessions module plugs its lookup in here (see live-hook.ts); returns the one it replaces. */
    attachLiveSessions(hook: LiveSessionsHook | undefined): LiveSessionsHook | undefined {
      const previous = liveSessions;
      liveSessions = hook;
      return previous;
    },

    async create(courseId: string, userId: string, input: CreateLessonBody): Promise<Lesson> {
      await policy.requireTeacher(courseId, userId);
      const now = nowIso();
      const row = await lessons.insertLast({ id: newId(), course_id: courseId, title: input.title.trim(), created_at: now, updated_at: now });
      if (input.live && liveSessions?.createForLesson) {
        await liveSessions.createForLesson({ lessonId: row.id, courseId, userId, live: input.live });
      }
      return view(row.id, userId);
    },

    async rename(lessonId: string, userId: string, title: string): Promise<Lesson> {
      await lessonForTeacher(lessonId, userId);
      await lessons.rename(lessonId, title.trim(), nowIso());
      return view(lessonId, userId);
    },

    async delete(lessonId: string, userId: string): Promise<void> {
      await lessonForTeacher(lessonId, userId);
      await lessons.delete(lessonId);
    },

    /** `lessonIds` must list every lesson of the course exactly once. */
    async reorder(courseId: string, userId: string, lessonIds: string[]): Promise<LessonSummary[]> {
      await policy.requireTeacher(courseId, userId);
      const existing = (await lessons.listForCourse(courseId)).map((l) => l.id);
      if (!samePermutation(lessonIds, existing)) {
        throw badRequest('invalid_order', 'List every lesson of the course exactly once', 'body.lessonIds');
      }
      await lessons.reorder(courseId, lessonIds, nowIso());
      return summaries(courseId);
    },

    /** The full layout {pre, live, post}: every activity once; moving an id between lists changes its phase. */
    async reorderActivities(lessonId: string, userId: string, layout: ReorderActivitiesBody): Promise<Lesson> {
      await lessonForTeacher(lessonId, userId);
      const existing = (await activities.listForLesson(lessonId)).map((a) => a.id);
      const given = [...layout.pre, ...layout.live, ...layout.post];
      if (!samePermutation(given, existing)) {
        throw badRequest('invalid_order', 'List every activity of the lesson exactly once', 'body');
      }
      const items = (['pre', 'live', 'post'] as const).flatMap((phase) => layout[phase].map((id, position) => ({ id, phase, position })));
      await activities.setLayout(lessonId, items, nowIso());
      return view(lessonId, userId);
    },

    summaries,
  };

  /** The course page's lesson list (liveStartsAt from the live-sessions module when attached). */
  async function summaries(courseId: string): Promise<LessonSummary[]> {
    const rows = await lessons.listForCourse(courseId);
    const starts = liveSessions?.startsForLessons ? await liveSessions.startsForLessons(rows.map((r) => r.id)) : new Map<string, string>();
    return rows.map((r) => ({ id: r.id, title: r.title, position: Number(r.position), liveStartsAt: starts.get(r.id) ?? null }));
  }
}
export type LessonsService = ReturnType<typeof createLessonsService>;
