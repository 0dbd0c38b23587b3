import { z } from 'zod';
import type { Notification } from '../../../shared/schemas/notifications.ts';
import { notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { UserRow } from '../users/users.repository.ts';
import type { NotificationRow, NotificationsRepository } from './notifications.repository.ts';
import { feedbackTexts } from './texts.ts';
import { NUDGE_KIND, presentNudge } from '../readiness/nudge-texts.ts';
import { formatWhen, liveTexts } from '../live/live-texts.ts';

const FeedbackData = z.object({
  activityId: z.string(),
  activityTitle: z.string(),
  lessonId: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  teacherName: z.string(),
});
type FeedbackData = z.infer<typeof FeedbackData>;

/** What a live-session reminder keeps (src/server/modules/live/live-reminders.ts). */
const ReminderData = z.object({
  lessonId: z.string(),
  lessonTitle: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  unfinished: z.number(),
  link: z.string(),
});

export function createNotificationsService(deps: { notifications: NotificationsRepository; mailer: Mailer; publicUrl: string | undefined }) {
  const { notifications, mailer } = deps;

  function present(row: NotificationRow, reader: UserRow): Notification {
    if (row.kind === NUDGE_KIND) {
      const nudge = presentNudge(JSON.parse(row.data), reader);
      return { id: row.id, kind: 'prework_nudge', title: nudge?.title ?? '', text: nudge?.text ?? '', link: nudge?.link ?? null, data: nudge?.data ?? {}, read: row.read_at !== null, createdAt: row.created_at };
    }
    if (row.kind === 'live_reminder') return presentReminder(row, reader);
    const data = FeedbackData.safeParse(JSON.parse(row.data));
    const texts = feedbackTexts(reader.locale);
    return {
      id: row.id,
      kind: 'feedback',
      title: data.success ? texts.title(data.data) : '',
      text: data.success ? texts.text(data.data) : '',
      link: data.success ? `/activities/${data.data.activityId}` : null,
      data: data.success ? data.data : {},
      read: row.read_at !== null,
      createdAt: row.created_at,
    };
  }

  // Written again in the reader's language and zone, which may have changed since it was sent.
  function presentReminder(row: NotificationRow, reader: UserRow): Notification {
    const data = ReminderData.safeParse(JSON.parse(row.data));
    const base = { id: row.id, kind: 'live_reminder' as const, read: row.read_at !== null, createdAt: row.created_at };
    if (!data.success) return { ...base, title: '', text: '', link: null, data: {} };
    const { lessonTitle, courseTitle, startsAt, unfinished, link } = data.data;
    const texts = liveTexts(reader.locale);
    return {
      ...base,
      title: texts.reminderTitle(lessonTitle),
      text: texts.reminderText(lessonTitle, courseTitle, formatWhen(startsAt, reader.locale, reader.time_zone), unfinished),
      link,
      data: { lessonId: data.data.lessonId, startsAt, unfinished },
    };
  }

  return {
    /** In-app notification plus an email in the student's language. */
    async feedbackGiven(student: UserRow, facts: FeedbackData, feedback: string): Promise<void> {
      await notifications.insert({ id: newId(), user_id: student.id, kind: 'feedback', data: JSON.stringify(facts), read_at: null, created_at: nowIso() });
      const texts = feedbackTexts(student.locale);
      const url = `${deps.publicUrl ?? 'http://localhost:3000'}/activities/${facts.activityId}`;
      mailer.queue({ to: student.email, subject: texts.title(facts), text: texts.email({ ...facts, name: student.name, feedback, url }) });
    },

    async list(reader: UserRow): Promise<{ notifications: Notification[]; unreadCount: number }> {
      const [rows, unreadCount] = await Promise.all([notifications.listForUser(reader.id), notifications.countUnread(reader.id)]);
      return { notifications: rows.map((r) => present(r, reader)), unreadCount };
    },

    async markRead(reader: UserRow, id: string): Promise<void> {
      if (!(await notifications.markRead(id, reader.id, nowIso()))) throw notFound('Notification not found');
    },

    async markAllRead(reader: UserRow): Promise<void> {
      await notifications.markAllRead(reader.id, nowIso());
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
