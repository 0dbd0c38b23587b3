import type { Kysely, Selectable } from 'kysely';
import type { DB, NotificationsTable } from '../../db/schema.ts';

export type NotificationRow = Selectable<NotificationsTable>;

export function createNotificationsRepository(db: Kysely<DB>) {
  return {
    async insert(row: NotificationRow): Promise<void> {
      await db.insertInto('notifications').values(row).execute();
    },
    /** Many at once, in batches (readiness nudges reach a whole class). */
    async insertMany(rows: NotificationRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('notifications').values(rows.slice(i, i + 500)).execute();
    },
    listForUser(userId: string, limit = 100): Promise<NotificationRow[]> {
      return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
    },
    async countUnread(userId: string): Promise<number> {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Marks one of the user's notifications read; false when it is not theirs. */
    async markRead(id: string, userId: string, at: string): Promise<boolean> {
      const found = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!found) return false;
      await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
      return true;
    },
    async markAllRead(userId: string, at: string): Promise<void> {
      await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
