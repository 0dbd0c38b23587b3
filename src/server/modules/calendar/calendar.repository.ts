import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { visibleToStudent } from '../targets/visibility.ts';

export function createCalendarRepository(db: Kysely<DB>) {
  return {
    feedForUser(userId: string) {
      return db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },

    feedByHash(tokenHash: string) {
      return db
        .selectFrom('calendar_feeds')
        .innerJoin('users as u', 'u.id', 'calendar_feeds.user_id')
        .select(['u.id', 'u.locale', 'u.time_zone', 'u.name'])
        .where('calendar_feeds.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /** One feed per user: a new token replaces (revokes) the old one. */
    async saveFeed(row: { user_id: string; token_hash: string; nonce: string; created_at: string }): Promise<void> {
      await db
        .insertInto('calendar_feeds')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: row.token_hash, nonce: row.nonce, created_at: row.created_at }))
        .execute();
    },

    /** A server-wide secret, created on first use by whichever node gets there first. */
    async secret(name: string, fresh: string, now: string): Promise<string> {
      await db.insertInto('server_secrets').values({ name, value: fresh, created_at: now }).onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },

    /** Live sessions of every (non-archived) course the user belongs to. */
    sessionsForUser(userId: string) {
      return db
        .selectFrom('live_sessions as s')
        .innerJoin('course_members as m', (join) => join.onRef('m.course_id', '=', 's.course_id').on('m.user_id', '=', userId))
        .innerJoin('lessons as l', 'l.id', 's.lesson_id')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .selectAll('s')
        .select(['l.title as lesson_title', 'c.title as course_title'])
        .where('c.archived', '=', 0)
        .orderBy('s.starts_at')
        .execute();
    },

    /** Pre-work with a due date, in the user's courses (catch-up copies only for their assignees). */
    preworkDueForUser(userId: string) {
      return db
        .selectFrom('activities as a')
        .innerJoin('course_members as m', (join) => join.onRef('m.course_id', '=', 'a.course_id').on('m.user_id', '=', userId))
        .innerJoin('lessons as l', 'l.id', 'a.lesson_id')
        .innerJoin('courses as c', 'c.id', 'a.course_id')
        .select(['a.id', 'a.title', 'a.due_at', 'a.updated_at', 'a.lesson_id', 'l.title as lesson_title', 'c.title as course_title'])
        .where('a.phase', '=', 'pre')
        .where('a.due_at', 'is not', null)
        .where('c.archived', '=', 0)
        .where('a.catch_up_for_lesson_id', 'is', null)
        // Targeted activities only for their targets (teachers see them all).
        .where((eb) => eb.or([eb('m.role', '=', 'teacher'), visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId)]))
        .orderBy('a.due_at')
        .execute();
    },
  };
}
export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
