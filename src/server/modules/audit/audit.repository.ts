import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.ts';

export type AuditRow = Selectable<AuditLogTable>;
export type AuditRowWithNames = AuditRow & { actor_name: string | null; subject_id: string | null; subject_name: string | null };

export function createAuditRepository(db: Kysely<DB>) {
  function listQuery() {
    // The subject: a response's student, or the user the entry is about; names are null once deleted.
    return db
      .selectFrom('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_id')
      .leftJoin('responses as r', (join) => join.onRef('r.id', '=', 'a.target_id').on('a.target_type', '=', 'response'))
      .leftJoin('users as subject', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('a.target_type', '=', 'user'), eb('subject.id', '=', eb.ref('a.target_id'))]),
            eb.and([eb('a.target_type', '=', 'response'), eb('subject.id', '=', eb.ref('r.user_id'))]),
          ]),
        ),
      )
      .selectAll('a')
      .select(['actor.name as actor_name', 'subject.id as subject_id', 'subject.name as subject_name']);
  }
  return {
    async insert(row: AuditRow): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },
    listForCourse(courseId: string, limit: number, before?: string): Promise<AuditRowWithNames[]> {
      let query = listQuery().where('a.course_id', '=', courseId);
      if (before) query = query.where('a.created_at', '<', before);
      return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    },
    listAll(limit: number, before?: string): Promise<AuditRowWithNames[]> {
      let query = listQuery();
      if (before) query = query.where('a.created_at', '<', before);
      return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    },
    /** Entries about a user (as target) or by them, for their data export. */
    listAbout(userId: string): Promise<AuditRow[]> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.or([eb.and([eb('target_type', '=', 'user'), eb('target_id', '=', userId)]), eb('actor_id', '=', userId), eb('details', 'like', `%"studentId":"${userId}"%`)]))
        .orderBy('created_at')
        .execute();
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
