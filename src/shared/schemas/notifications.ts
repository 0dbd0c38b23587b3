import { z } from 'zod';
import { Id, Instant } from './common.ts';

export const Notification = z.object({
  id: Id,
  /**
   * feedback: a teacher commented on your work; prework_nudge: a reminder to do a lesson's pre-work
   * (readiness); live_reminder: a live session is coming and pre-work is unfinished.
   */
  kind: z.enum(['feedback', 'prework_nudge', 'live_reminder']),
  /** In the reader's locale. */
  title: z.string(),
  text: z.string(),
  /** App path to open, e.g. /activities/:id */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: Instant,
});
export type Notification = z.infer<typeof Notification>;
/** Newest first (at most 100). */
export const NotificationList = z.object({ notifications: z.array(Notification), unreadCount: z.int() });
export const NotificationParams = z.object({ notificationId: Id });
