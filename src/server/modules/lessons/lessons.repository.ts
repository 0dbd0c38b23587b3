import type { Kysely, Selectable } from 'kysely';
import type { DB, LessonsTable } from '../../db/schema.ts';

export type LessonRow = Selectable<LessonsTable>;

export function createLessonsRepository(db: Kysely<DB>) {
  return {
    findById(lessonId: string): Promise<LessonRow | undefined> {
      return db.selectFrom('lessons').selectAll().where('id', '=', lessonId).executeTakeFirst();
    },

    listForCourse(courseId: string): Promise<LessonRow[]> {
      return db.selectFrom('lessons').selectAll().where('course_id', '=', courseId).orderBy('position').orderBy('created_at').execute();
    },

    /** Appends at the end of the course (position = max + 1), inside one transaction. */
    async insertLast(row: Omit<LessonRow, 'position'>): Promise<LessonRow> {
      return db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('lessons')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('course_id', '=', row.course_id)
          .executeTakeFirst();
        const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
        const full = { ...row, position };
        await trx.insertInto('lessons').values(full).execute();
        return full;
      });
    },

    async rename(lessonId: string, title: string, updatedAt: string): Promise<void> {
      await db.updateTable('lessons').set({ title, updated_at: updatedAt }).where('id', '=', lessonId).execute();
    },

    /** Deletes the lesson; its activities, responses, questions and posts go with it (FK cascade). */
    async delete(lessonId: string): Promise<void> {
      await db.deleteFrom('lessons').where('id', '=', lessonId).execute();
    },

    async reorder(courseId: string, orderedIds: string[], updatedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const [position, id] of orderedIds.entries()) {
          await trx.updateTable('lessons').set({ position, updated_at: updatedAt }).where('id', '=', id).where('course_id', '=', courseId).execute();
        }
      });
    },
  };
}
export type LessonsRepository = ReturnType<typeof createLessonsRepository>;
