import type { Kysely, Selectable } from 'kysely';
import type { DB, UploadsTable } from '../../db/schema.ts';

export type UploadRow = Selectable<UploadsTable>;

export function createUploadsRepository(db: Kysely<DB>) {
  return {
    async insert(row: UploadRow): Promise<void> {
      await db.insertInto('uploads').values(row).execute();
    },
    findById(uploadId: string): Promise<UploadRow | undefined> {
      return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
    },
    /** Newest first, so a re-uploaded file name resolves to the latest copy. */
    listForCourse(courseId: string): Promise<UploadRow[]> {
      return db.selectFrom('uploads').selectAll().where('course_id', '=', courseId).orderBy('created_at', 'desc').execute();
    },
    async delete(uploadId: string): Promise<void> {
      await db.deleteFrom('uploads').where('id', '=', uploadId).execute();
    },
  };
}
export type UploadsRepository = ReturnType<typeof createUploadsRepository>;
