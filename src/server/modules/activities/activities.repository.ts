import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ActivitiesTable, DB, LessonPhaseColumn } from '../../db/schema.ts';

export type ActivityRow = Selectable<ActivitiesTable>;

export function createActivitiesRepository(db: Kysely<DB>) {
  return {
    findById(activityId: string): Promise<ActivityRow | undefined> {
      return db.selectFrom('activities').selectAll().where('id', '=', activityId).executeTakeFirst();
    },

    /** Every activity of a lesson, in phase then position order. */
    listForLesson(lessonId: string): Promise<ActivityRow[]> {
      return db.selectFrom('activities').selectAll().where('lesson_id', '=', lessonId).orderBy('position').orderBy('created_at').execute();
    },

    /** Every activity of a course by lesson order (callers group by phase). */
    listForCourse(courseId: string): Promise<ActivityRow[]> {
      return db
        .selectFrom('activities')
        .innerJoin('lessons as l', 'l.id', 'activities.lesson_id')
        .selectAll('activities')
        .where('activities.course_id', '=', courseId)
        .orderBy('l.position')
        .orderBy('activities.position')
        .execute();
    },

    /** Appends at the end of its phase. */
    async insertLast(row: Omit<ActivityRow, 'position'>): Promise<ActivityRow> {
      return db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('activities')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('lesson_id', '=', row.lesson_id)
          .where('phase', '=', row.phase)
          .executeTakeFirst();
        const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
        const full = { ...row, position };
        await trx.insertInto('activities').values(full).execute();
        return full;
      });
    },

    async update(activityId: string, changes: Updateable<ActivitiesTable>): Promise<void> {
      await db.updateTable('activities').set(changes).where('id', '=', activityId).execute();
    },

    async delete(activityId: string): Promise<void> {
      await db.deleteFrom('activities').where('id', '=', activityId).execute();
    },

    /** Sets phase and position of every listed activity in one transaction. */
    async setLayout(lessonId: string, layout: { id: string; phase: LessonPhaseColumn; position: number }[], updatedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const item of layout) {
          await trx
            .updateTable('activities')
            .set({ phase: item.phase, position: item.position, updated_at: updatedAt })
            .where('id', '=', item.id)
            .where('lesson_id', '=', lessonId)
            .execute();
        }
      });
    },
  };
}
export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>;
