import { z } from 'zod';
import { Id, Instant, TimeZone } from './common.ts';

/**
 * Live sessions: scheduling, time zones, the calendar feed and the end-of-session summary.
 * The live room itself speaks the realtime protocol (src/shared/realtime/protocol.ts).
 */

export const VideoProvider = z.enum(['jitsi', 'bigbluebutton', 'zoom', 'meet', 'teams', 'other']);
export type VideoProvider = z.infer<typeof VideoProvider>;

export const LiveStatus = z.enum(['scheduled', 'cancelled']);
export type LiveStatus = z.infer<typeof LiveStatus>;

export const LiveSession = z.object({
  id: Id,
  lessonId: Id,
  courseId: Id,
  startsAt: Instant,
  endsAt: Instant,
  durationMinutes: z.int(),
  /** The teacher's zone, in which the session was planned. Render in the viewer's own zone. */
  timeZone: z.string(),
  /** A room name or address, for sessions in a physical place. */
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  /** Recognised from videoUrl. */
  provider: VideoProvider.nullable(),
  /** Set when the conference can be shown inside Tandem (Jitsi rooms). */
  embedUrl: z.string().nullable(),
  status: LiveStatus,
  /** Bumped on every change (the ICS SEQUENCE). */
  sequence: z.int(),
  seriesId: Id.nullable(),
  /** From when students may enter the live room. */
  roomOpensAt: Instant,
});
export type LiveSession = z.infer<typeof LiveSession>;

export const DurationMinutes = z.int().min(5).max(24 * 60);
const Location = z.string().trim().max(500);
export const VideoUrl = z.url({ protocol: /^https$/, message: 'Use an https:// link to the video conference' }).max(2000);

/** PUT /api/lessons/:lessonId/live — create or change the lesson's session (null clears a field). */
export const UpsertLiveBody = z.object({
  startsAt: Instant,
  durationMinutes: DurationMinutes,
  /** Defaults to the teacher's own zone. */
  timeZone: TimeZone.optional(),
  location: Location.nullable().optional(),
  videoUrl: VideoUrl.nullable().optional(),
});
export type UpsertLiveBody = z.input<typeof UpsertLiveBody>;

/**
 * POST /api/courses/:courseId/live-series — weekly sessions at the same local time in `timeZone`
 * (9:00 in Paris stays 9:00 across daylight-saving changes). Either for the given lessons, in
 * order, or for `count` new lessons titled "<title> 1", "<title> 2", …
 */
export const LiveSeriesBody = z
  .object({
    firstStartsAt: Instant,
    timeZone: TimeZone.optional(),
    durationMinutes: DurationMinutes,
    location: Location.nullable().optional(),
    videoUrl: VideoUrl.nullable().optional(),
    /** Weeks between sessions (1 = every week). */
    intervalWeeks: z.int().min(1).max(8).default(1),
    lessonIds: z.array(Id).min(1).max(60).optional(),
    count: z.int().min(1).max(60).optional(),
    title: z.string().trim().min(1).max(180).optional(),
  })
  .refine((b) => (b.lessonIds === undefined) !== (b.count === undefined), { message: 'Give either lessonIds or count', path: ['lessonIds'] })
  .refine((b) => b.count === undefined || b.title !== undefined, { message: 'Give a title for the new lessons', path: ['title'] });
export type LiveSeriesBody = z.input<typeof LiveSeriesBody>;
export type LiveSeriesInput = z.output<typeof LiveSeriesBody>;

export const LiveEnvelope = z.object({ live: LiveSession });
export const LiveSeriesResult = z.object({ seriesId: Id, sessions: z.array(LiveSession) });

export const LiveZones = z.object({
  startsAt: Instant,
  teacherTimeZone: z.string(),
  zones: z.array(
    z.object({
      timeZone: z.string(),
      students: z.int(),
      /** Wall-clock start there, e.g. "2026-11-25T03:00" (no offset). */
      localStart: z.string(),
      /** Offset from UTC there at that instant, e.g. "-05:00". */
      utcOffset: z.string(),
      /** Days from the teacher's date: -1, 0 or +1 (a session on the evening before, or the next morning). */
      dayShift: z.int(),
    }),
  ),
});
export type LiveZones = z.infer<typeof LiveZones>;

export const CalendarUrl = z.object({ url: z.string() });

export const AttendanceRow = z.object({
  userId: Id,
  name: z.string(),
  role: z.enum(['teacher', 'student']),
  present: z.boolean(),
  firstJoinedAt: Instant.nullable(),
  lastLeftAt: Instant.nullable(),
  minutes: z.number(),
});

export const LiveAttendance = z.object({ attendance: z.array(AttendanceRow) });

export const LiveSummary = z.object({
  lessonId: Id,
  startedAt: Instant,
  endedAt: Instant,
  attendance: z.array(AttendanceRow),
  polls: z.array(
    z.object({
      pollId: Id,
      activityId: Id,
      itemIndex: z.int().nullable(),
      question: z.string(),
      choices: z.array(z.string()),
      counts: z.array(z.int()),
      total: z.int(),
      correct: z.array(z.int()).nullable(),
      anonymous: z.boolean(),
    }),
  ),
  questions: z.array(z.object({ id: Id, text: z.string(), source: z.enum(['prework', 'live']), votes: z.int(), answered: z.boolean() })),
  /** The post-work discussion that received the unanswered questions as threads. */
  discussionActivityId: Id.nullable(),
  /** Catch-up copies of the live activities, given to the absent students. */
  catchUp: z.object({
    activityIds: z.array(Id),
    userIds: z.array(Id),
    /** Which live activity each copy comes from: compare a student's answer with summary.polls of that activity. */
    copies: z.array(z.object({ activityId: Id, fromActivityId: Id })),
  }),
});
export type LiveSummary = z.infer<typeof LiveSummary>;
export const LiveSummaryEnvelope = z.object({ summary: LiveSummary });

export const LessonLiveParams = z.object({ lessonId: Id });
export const CourseLiveParams = z.object({ courseId: Id });
export const CalendarTokenParams = z.object({ token: z.string().min(1).max(200) });
