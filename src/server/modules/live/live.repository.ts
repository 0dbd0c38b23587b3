import type { Kysely, Selectable } from 'kysely';
import type { DB, LiveSessionsTable } from '../../db/schema.ts';

export type LiveSessionRow = Selectable<LiveSessionsTable>;

export function createLiveRepository(db: Kysely<DB>) {
  return {
    findByLesson(lessonId: string): Promise<LiveSessionRow | undefined> {
      return db.selectFrom('live_sessions').selectAll().where('lesson_id', '=', lessonId).executeTakeFirst();
    },

    findById(id: string): Promise<LiveSessionRow | undefined> {
      return db.selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByLessons(lessonIds: string[]): Promise<LiveSessionRow[]> {
      if (lessonIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('live_sessions').selectAll().where('lesson_id', 'in', lessonIds).execute();
    },

    /** Insert, or replace the schedule of the lesson's existing session (one per lesson). */
    async save(row: LiveSessionRow): Promise<void> {
      await db
        .insertInto('live_sessions')
        .values(row)
        .onConflict((oc) =>
          oc.column('lesson_id').doUpdateSet({
            starts_at: row.starts_at,
            duration_minutes: row.duration_minutes,
            time_zone: row.time_zone,
            location: row.location,
            video_url: row.video_url,
            provider: row.provider,
            status: row.status,
            sequence: row.sequence,
            series_id: row.series_id,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    lesson(lessonId: string) {
      return db.selectFrom('lessons').select(['id', 'course_id', 'title']).where('id', '=', lessonId).executeTakeFirst();
    },

    lessonsOfCourse(courseId: string, lessonIds: string[]) {
      if (lessonIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('lessons').select(['id', 'course_id', 'title']).where('course_id', '=', courseId).where('id', 'in', lessonIds).execute();
    },

    /** How many students of the course live in each time zone. */
    async studentZones(courseId: string): Promise<{ timeZone: string; students: number }[]> {
      const rows = await db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.time_zone', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('m.course_id', '=', courseId)
        .where('m.role', '=', 'student')
        .groupBy('u.time_zone')
        .execute();
      return rows.map((r) => ({ timeZone: r.time_zone, students: Number(r.n) }));
    },

    roster(courseId: string) {
      return db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'm.role'])
        .where('m.course_id', '=', courseId)
        .orderBy('m.role', 'desc')
        .orderBy('u.name')
        .execute();
    },

    visits(lessonId: string) {
      return db.selectFrom('live_attendance').select(['user_id', 'joined_at', 'left_at']).where('lesson_id', '=', lessonId).execute();
    },

    summary(lessonId: string) {
      return db.selectFrom('live_summaries').selectAll().where('lesson_id', '=', lessonId).executeTakeFirst();
    },
  };
}
export type LiveRepository = ReturnType<typeof createLiveRepository>;
