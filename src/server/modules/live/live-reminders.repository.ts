import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Queries behind live-session reminders. */
export function createLiveRemindersRepository(db: Kysely<DB>) {
  return {
    lessonAndCourseTitles(lessonId: string) {
      return db
        .selectFrom('lessons')
        .innerJoin('courses', 'courses.id', 'lessons.course_id')
        .select(['lessons.title as lessonTitle', 'courses.title as courseTitle'])
        .where('lessons.id', '=', lessonId)
        .executeTakeFirst();
    },

    /** Students of the course with how many of the lesson's required pre-work activities they have not done. */
    async studentsBehind(lessonId: string, courseId: string) {
      const required = await db
        .selectFrom('activities')
        .select('id')
        .where('lesson_id', '=', lessonId)
        .where('phase', '=', 'pre')
        .where('required', '=', 1)
        .where('catch_up_for_lesson_id', 'is', null)
        .execute();
      if (required.length === 0) return [];
      const students = await db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.time_zone'])
        .where('m.course_id', '=', courseId)
        .where('m.role', '=', 'student')
        .execute();
      const done = await db
        .selectFrom('responses')
        .select(['user_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('activity_id', 'in', required.map((a) => a.id))
        .where('status', '=', 'done')
        .groupBy('user_id')
        .execute();
      const doneBy = new Map(done.map((d) => [d.user_id, Number(d.n)]));
      return students.map((s) => ({ ...s, left: required.length - (doneBy.get(s.id) ?? 0) })).filter((s) => s.left > 0);
    },

    /** Inserts unless a notification with this id exists (a retried job); true when inserted. */
    async notifyOnce(row: { id: string; user_id: string; kind: string; data: string; created_at: string }): Promise<boolean> {
      const result = await db
        .insertInto('notifications')
        .values({ ...row, read_at: null })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
export type LiveRemindersRepository = ReturnType<typeof createLiveRemindersRepository>;
