import type { LessonLiveInput, LessonLiveSession } from '../../../shared/schemas/lessons.ts';
import { LiveSummary as LiveSummarySchema, type LiveSeriesInput, type LiveSession, type LiveSummary, type LiveZones } from '../../../shared/schemas/live.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import { attendanceRows } from './attendance.ts';
import { presentLiveSession } from './live.presenter.ts';
import type { LiveRepository, LiveSessionRow } from './live.repository.ts';
import { localStart, weeklyStarts } from './recurrence.ts';
import { recogniseVideoLink } from './video-link.ts';

type Schedule = {
  startsAt: string;
  durationMinutes: number;
  timeZone?: string | undefined;
  location?: string | null | undefined;
  videoUrl?: string | null | undefined;
};

export type LiveSessionsDeps = {
  live: LiveRepository;
  users: UsersRepository;
  policy: CoursePolicy;
  roomOpensMinutes: number;
  /** Creates an empty lesson at the end of the course (the lessons module's repository). */
  createLesson: (courseId: string, title: string) => Promise<string>;
  /** Called after every change, to (re)plan reminders. */
  onScheduled?: (session: LiveSessionRow) => Promise<void>;
  /** Whether the web app may frame a video-conference URL (the CSP's frame-src). */
  frameable?: (url: string) => boolean;
};

export function createLiveSessionsService(deps: LiveSessionsDeps) {
  const { live, users, policy, roomOpensMinutes } = deps;
  const present = (row: LiveSessionRow) => presentLiveSession(row, roomOpensMinutes, deps.frameable);

  async function lessonForTeacher(lessonId: string, userId: string) {
    const lesson = await live.lesson(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    await policy.requireTeacher(lesson.course_id, userId);
    return lesson;
  }

  async function teacherZone(userId: string): Promise<string> {
    return (await users.findById(userId))?.time_zone ?? 'UTC';
  }

  /** Writes one lesson's schedule; every change bumps the sequence so calendars update. */
  async function schedule(lesson: { id: string; course_id: string }, userId: string, input: Schedule, seriesId: string | null | undefined): Promise<LiveSessionRow> {
    const existing = await live.findByLesson(lesson.id);
    const now = nowIso();
    const videoUrl = input.videoUrl === undefined ? (existing?.video_url ?? null) : input.videoUrl;
    const row: LiveSessionRow = {
      id: existing?.id ?? newId(),
      lesson_id: lesson.id,
      course_id: lesson.course_id,
      series_id: seriesId === undefined ? (existing?.series_id ?? null) : seriesId,
      starts_at: new Date(input.startsAt).toISOString(),
      duration_minutes: input.durationMinutes,
      time_zone: input.timeZone ?? existing?.time_zone ?? (await teacherZone(userId)),
      location: input.location === undefined ? (existing?.location ?? null) : input.location || null,
      video_url: videoUrl,
      provider: videoUrl ? recogniseVideoLink(videoUrl).provider : null,
      status: 'scheduled',
      sequence: existing ? Number(existing.sequence) + 1 : 0,
      created_by: existing?.created_by ?? userId,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await live.save(row);
    await deps.onScheduled?.(row);
    return row;
  }

  return {
    async upsert(lessonId: string, userId: string, body: Schedule): Promise<LiveSession> {
      const lesson = await lessonForTeacher(lessonId, userId);
      return present(await schedule(lesson, userId, body, undefined));
    },

    /** The event stays (STATUS:CANCELLED in calendars) so subscribers see the cancellation. */
    async cancel(lessonId: string, userId: string): Promise<LiveSession> {
      await lessonForTeacher(lessonId, userId);
      const existing = await live.findByLesson(lessonId);
      if (!existing) throw notFound('This lesson has no live session');
      if (existing.status === 'cancelled') return present(existing);
      const row: LiveSessionRow = { ...existing, status: 'cancelled', sequence: Number(existing.sequence) + 1, updated_at: nowIso() };
      await live.save(row);
      await deps.onScheduled?.(row);
      return present(row);
    },

    async series(courseId: string, userId: string, body: LiveSeriesInput): Promise<{ seriesId: string; sessions: LiveSession[] }> {
      await policy.requireTeacher(courseId, userId);
      let lessonIds = body.lessonIds;
      if (lessonIds) {
        const found = await live.lessonsOfCourse(courseId, lessonIds);
        if (found.length !== new Set(lessonIds).size || found.length !== lessonIds.length) {
          throw badRequest('unknown_lessons', 'Every lesson must belong to this course, once', 'body.lessonIds');
        }
      }
      const timeZone = body.timeZone ?? (await teacherZone(userId));
      const count = lessonIds?.length ?? body.count ?? 0;
      const starts = weeklyStarts(body.firstStartsAt, timeZone, count, body.intervalWeeks);
      if (!lessonIds) {
        lessonIds = [];
        for (let i = 0; i < count; i++) lessonIds.push(await deps.createLesson(courseId, `${body.title} ${i + 1}`));
      }
      const seriesId = newId();
      const sessions: LiveSession[] = [];
      for (const [i, lessonId] of lessonIds.entries()) {
        const row = await schedule({ id: lessonId, course_id: courseId }, userId, {
          startsAt: starts[i]!,
          durationMinutes: body.durationMinutes,
          timeZone,
          location: body.location,
          videoUrl: body.videoUrl,
        }, seriesId);
        sessions.push(present(row));
      }
      return { seriesId, sessions };
    },

    async forMember(lessonId: string, userId: string): Promise<LiveSession> {
      const lesson = await live.lesson(lessonId);
      if (!lesson) throw notFound('Lesson not found');
      await policy.requireMember(lesson.course_id, userId);
      const row = await live.findByLesson(lessonId);
      if (!row) throw notFound('This lesson has no live session');
      return present(row);
    },

    async find(lessonId: string): Promise<LiveSession | null> {
      const row = await live.findByLesson(lessonId);
      return row ? present(row) : null;
    },

    /** Local start in each student's zone, with how many students live there. */
    async zones(lessonId: string, userId: string): Promise<LiveZones> {
      const lesson = await lessonForTeacher(lessonId, userId);
      const session = await live.findByLesson(lessonId);
      if (!session) throw notFound('This lesson has no live session');
      const zones = await live.studentZones(lesson.course_id);
      return {
        startsAt: session.starts_at,
        teacherTimeZone: session.time_zone,
        zones: zones
          .map((z) => ({ timeZone: z.timeZone, students: z.students, ...localStart(session.starts_at, z.timeZone, session.time_zone) }))
          .sort((a, b) => (a.localStart < b.localStart ? -1 : a.localStart > b.localStart ? 1 : a.timeZone < b.timeZone ? -1 : 1)),
      };
    },

    /** Who came, so far (the summary keeps the final list once the session ends). */
    async attendance(lessonId: string, userId: string) {
      const lesson = await lessonForTeacher(lessonId, userId);
      const [roster, visits] = await Promise.all([live.roster(lesson.course_id), live.visits(lessonId)]);
      return attendanceRows(roster, visits, nowIso());
    },

    async summary(lessonId: string, userId: string): Promise<LiveSummary> {
      await lessonForTeacher(lessonId, userId);
      const row = await live.summary(lessonId);
      if (!row) throw notFound('This live session has not ended yet');
      return LiveSummarySchema.parse(JSON.parse(row.summary));
    },

    /** The lessons module's seam (src/server/modules/lessons/live-hook.ts). */
    hook() {
      return {
        findForLesson: async (lessonId: string): Promise<LessonLiveSession | null> => {
          const row = await live.findByLesson(lessonId);
          return row ? present(row) : null;
        },
        startsForLessons: async (lessonIds: string[]): Promise<Map<string, string>> => {
          const rows = await live.findByLessons(lessonIds);
          return new Map(rows.filter((r) => r.status === 'scheduled').map((r) => [r.lesson_id, r.starts_at]));
        },
        createForLesson: async (input: { lessonId: string; courseId: string; userId: string; live: LessonLiveInput }): Promise<void> => {
          await schedule({ id: input.lessonId, course_id: input.courseId }, input.userId, input.live, undefined);
        },
      };
    },
  };
}
export type LiveSessionsService = ReturnType<typeof createLiveSessionsService>;
