import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Queries for the end of a live session: attendance, roster, discussion threads, catch-up copies. */
export function createLiveFinishRepository(db: Kysely<DB>) {
  return {
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>) => db.transaction().execute(work),

    summaryExists(trx: Transaction<DB>, lessonId: string) {
      return trx.selectFrom('live_summaries').select('lesson_id').where('lesson_id', '=', lessonId).executeTakeFirst();
    },

    lessonWithTeacherLocale(trx: Transaction<DB>, lessonId: string) {
      return trx
        .selectFrom('lessons as l')
        .leftJoin('live_sessions as s', 's.lesson_id', 'l.id')
        .leftJoin('users as u', 'u.id', 's.created_by')
        .select(['l.id', 'l.course_id', 'l.title', 'u.locale'])
        .where('l.id', '=', lessonId)
        .executeTakeFirst();
    },

    roster(trx: Transaction<DB>, courseId: string) {
      return trx
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'm.role'])
        .where('m.course_id', '=', courseId)
        .orderBy('m.role', 'desc')
        .orderBy('u.name')
        .execute();
    },

    attendance(trx: Transaction<DB>, lessonId: string) {
      return trx.selectFrom('live_attendance').selectAll().where('lesson_id', '=', lessonId).orderBy('joined_at').execute();
    },

    closeOpenVisits(trx: Transaction<DB>, lessonId: string, at: string) {
      return trx.updateTable('live_attendance').set({ left_at: at }).where('lesson_id', '=', lessonId).where('left_at', 'is', null).execute();
    },

    activities(trx: Transaction<DB>, lessonId: string) {
      return trx.selectFrom('activities').selectAll().where('lesson_id', '=', lessonId).orderBy('position').execute();
    },

    insertActivity(trx: Transaction<DB>, row: Insertable<DB['activities']>) {
      return trx.insertInto('activities').values(row).execute();
    },

    insertPost(trx: Transaction<DB>, row: { id: string; course_id: string; activity_id: string; user_id: string; body: string; now: string }) {
      return trx
        .insertInto('discussion_posts')
        .values({ id: row.id, course_id: row.course_id, activity_id: row.activity_id, parent_id: null, user_id: row.user_id, body: row.body, hidden: 0, deleted_at: null, edited_at: null, created_at: row.now, updated_at: row.now })
        .execute();
    },

    insertCatchups(trx: Transaction<DB>, rows: { activity_id: string; user_id: string; lesson_id: string; created_at: string }[]) {
      return rows.length === 0 ? Promise.resolve([]) : trx.insertInto('live_catchups').values(rows).execute();
    },

    insertSummary(trx: Transaction<DB>, lessonId: string, summary: string, now: string) {
      return trx.insertInto('live_summaries').values({ lesson_id: lessonId, summary, created_at: now }).execute();
    },
  };
}
export type LiveFinishRepository = ReturnType<typeof createLiveFinishRepository>;
