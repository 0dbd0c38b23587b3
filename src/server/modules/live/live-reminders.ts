import { z } from 'zod';
import { newId, nowIso } from '../../lib/ids.ts';
import type { JobsRepository } from '../jobs/jobs.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { LiveRepository, LiveSessionRow } from './live.repository.ts';
import type { LiveRemindersRepository } from './live-reminders.repository.ts';
import { formatWhen, liveTexts } from './live-texts.ts';

export const REMINDER_JOB = 'live.reminder';
const ReminderPayload = z.object({ sessionId: z.string(), startsAt: z.string(), offsetMinutes: z.number() });

/**
 * Reminders before a session (e.g. 24 h and 1 h), to the students who have not finished the
 * required pre-work. Each is a job keyed by session, start and offset: a moved session gets
 * new jobs, and the old ones find the start changed and do nothing.
 */
export function createLiveReminders(deps: {
  reminders: LiveRemindersRepository;
  jobs: JobsRepository;
  live: LiveRepository;
  mailer: Mailer | undefined;
  offsetsMinutes: number[];
  publicUrl: string | undefined;
}) {
  const { reminders, jobs, live } = deps;

  async function plan(session: LiveSessionRow, now = new Date()): Promise<void> {
    if (session.status !== 'scheduled') return;
    for (const offset of deps.offsetsMinutes) {
      const runAt = new Date(Date.parse(session.starts_at) - offset * 60_000);
      if (runAt <= now) continue;
      await jobs.enqueue({
        id: newId(),
        kind: REMINDER_JOB,
        dedupeKey: `${REMINDER_JOB}:${session.id}:${session.starts_at}:${offset}`,
        payload: { sessionId: session.id, startsAt: session.starts_at, offsetMinutes: offset },
        runAt: runAt.toISOString(),
        now: now.toISOString(),
      });
    }
  }

  async function send(rawPayload: unknown): Promise<void> {
    const payload = ReminderPayload.parse(rawPayload);
    const session = await live.findById(payload.sessionId);
    // Cancelled or moved since this reminder was planned: the new plan has its own jobs.
    if (!session || session.status !== 'scheduled' || session.starts_at !== payload.startsAt) return;
    const context = await reminders.lessonAndCourseTitles(session.lesson_id);
    if (!context) return;
    const link = `/lessons/${session.lesson_id}`;
    const now = nowIso();
    for (const student of await reminders.studentsBehind(session.lesson_id, session.course_id)) {
      const texts = liveTexts(student.locale);
      const title = texts.reminderTitle(context.lessonTitle);
      const text = texts.reminderText(context.lessonTitle, context.courseTitle, formatWhen(session.starts_at, student.locale, student.time_zone), student.left);
      // The id is derived from the job so a retried job does not notify twice.
      const id = `rem-${session.id.slice(0, 12)}-${payload.offsetMinutes}-${student.id.slice(0, 12)}-${Date.parse(payload.startsAt).toString(36)}`;
      const inserted = await reminders.notifyOnce({
        id,
        user_id: student.id,
        kind: 'live_reminder',
        data: JSON.stringify({ lessonId: session.lesson_id, courseId: session.course_id, lessonTitle: context.lessonTitle, courseTitle: context.courseTitle, startsAt: session.starts_at, offsetMinutes: payload.offsetMinutes, unfinished: student.left, title, text, link }),
        created_at: now,
      });
      if (!inserted) continue;
      deps.mailer?.queue({ to: student.email, subject: title, text: texts.reminderEmail(student.name, text, `${deps.publicUrl ?? 'http://localhost:3000'}${link}`) });
    }
  }

  return { plan, send };
}
export type LiveReminders = ReturnType<typeof createLiveReminders>;
