import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function createPasswordResetsRepository(db: Kysely<DB>) {
  return {
    async insert(row: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
      await db.insertInto('password_resets').values({ id: row.id, user_id: row.userId, created_at: row.createdAt, expires_at: row.expiresAt, used_at: null }).execute();
    },
    /** Links sent to this account since `since` (used or not): the per-account throttle. */
    async countSince(userId: string, since: string): Promise<number> {
      const row = await db
        .selectFrom('password_resets')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('user_id', '=', userId)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /**
     * Uses a token: one conditional UPDATE, so of two racing confirmations exactly one wins.
     * Returns the account it resets, or undefined when unknown, expired or already used.
     */
    async consume(id: string, now: string): Promise<string | undefined> {
      const row = await db.selectFrom('password_resets').select('user_id').where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const result = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? row.user_id : undefined;
    },
    /** Every other outstanding link of the account stops working once one is used. */
    async retireAll(userId: string, now: string): Promise<void> {
      await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    },
  };
}
export type PasswordResetsRepository = ReturnType<typeof createPasswordResetsRepository>;
