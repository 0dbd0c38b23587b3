import crypto from 'node:crypto';
import { notFound } from '../../lib/errors.ts';
import { nowIso } from '../../lib/ids.ts';
import type { UserRow } from '../users/users.repository.ts';
import { buildCalendar } from './calendar.ics.ts';
import type { CalendarRepository } from './calendar.repository.ts';

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/**
 * Private calendar feeds. The token (256 bits) is an HMAC of the user id and a per-user nonce
 * under a server secret, so the server can show the same URL again without storing the token:
 * the table keeps only its hash and the nonce. Resetting draws a new nonce: the old URL dies.
 */
export function createCalendarService(deps: { calendar: CalendarRepository; sessionSecret: string | undefined; publicUrl: string | undefined }) {
  const { calendar } = deps;
  let secret: Promise<string> | undefined;

  function serverSecret(): Promise<string> {
    secret ??= deps.sessionSecret
      ? Promise.resolve(deps.sessionSecret)
      : calendar.secret('calendar-feed', crypto.randomBytes(32).toString('base64url'), nowIso());
    return secret;
  }

  async function tokenFor(userId: string, nonce: string): Promise<string> {
    return crypto.createHmac('sha256', await serverSecret()).update(`calendar-feed:${userId}:${nonce}`).digest('base64url');
  }

  async function issue(userId: string): Promise<string> {
    const nonce = crypto.randomBytes(16).toString('base64url');
    const token = await tokenFor(userId, nonce);
    await calendar.saveFeed({ user_id: userId, token_hash: sha256(token), nonce, created_at: nowIso() });
    return token;
  }

  const urlOf = (origin: string, token: string) => `${deps.publicUrl ?? origin}/api/calendar/${token}.ics`;

  return {
    async url(user: UserRow, origin: string): Promise<string> {
      const feed = await calendar.feedForUser(user.id);
      return urlOf(origin, feed ? await tokenFor(user.id, feed.nonce) : await issue(user.id));
    },

    async reset(user: UserRow, origin: string): Promise<string> {
      return urlOf(origin, await issue(user.id));
    },

    /** The feed for a token; unknown or revoked tokens are simply not found. */
    async feed(token: string, origin: string): Promise<string> {
      const user = await calendar.feedByHash(sha256(token));
      if (!user) throw notFound('No calendar here');
      const [sessions, due] = await Promise.all([calendar.sessionsForUser(user.id), calendar.preworkDueForUser(user.id)]);
      return buildCalendar({
        locale: user.locale,
        appUrl: deps.publicUrl ?? origin,
        sessions: sessions.map((s) => ({
          id: s.id,
          lessonId: s.lesson_id,
          lessonTitle: s.lesson_title,
          courseTitle: s.course_title,
          startsAt: s.starts_at,
          durationMinutes: Number(s.duration_minutes),
          location: s.location,
          videoUrl: s.video_url,
          status: s.status,
          sequence: Number(s.sequence),
          updatedAt: s.updated_at,
        })),
        due: due.flatMap((d) => (d.due_at ? [{ activityId: d.id, title: d.title, lessonTitle: d.lesson_title, courseTitle: d.course_title, dueAt: d.due_at, updatedAt: d.updated_at }] : [])),
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
