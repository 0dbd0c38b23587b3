import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UserRow } from '../users/users.repository.ts';

export function createSessionsRepository(db: Kysely<DB>) {
  return {
    async insert(row: { id: string; userId: string; now: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ id: row.id, user_id: row.userId, created_at: row.now, last_seen_at: row.now, expires_at: row.expiresAt })
        .execute();
    },
    /** The session's user, if the session exists and has not expired. */
    async findUser(sessionId: string, now: string): Promise<(UserRow & { session_expires_at: string; session_last_seen_at: string }) | undefined> {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.expires_at as session_expires_at', 'sessions.last_seen_at as session_last_seen_at'])
        .where('sessions.id', '=', sessionId)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst();
    },
    async touch(sessionId: string, now: string, expiresAt: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
    },
    async delete(sessionId: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },
    async deleteAllForUser(userId: string, exceptId?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      await query.execute();
    },
    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
