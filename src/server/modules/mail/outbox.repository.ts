import type { Kysely, Selectable } from 'kysely';
import type { DB, OutboxTable } from '../../db/schema.ts';

export type OutboxRow = Selectable<OutboxTable>;

export function createOutboxRepository(db: Kysely<DB>) {
  return {
    async insert(row: OutboxRow): Promise<void> {
      await db.insertInto('outbox').values(row).execute();
    },
    /** Newest first. */
    list(limit = 50): Promise<OutboxRow[]> {
      return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
