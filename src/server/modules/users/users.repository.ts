import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.ts';

export type UserRow = Selectable<UsersTable>;

export function createUsersRepository(db: Kysely<DB>) {
  return {
    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async insert(row: UserRow): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },
    async update(id: string, changes: Partial<Pick<UserRow, 'name' | 'locale' | 'time_zone' | 'password_hash'>>): Promise<void> {
      await db.updateTable('users').set(changes).where('id', '=', id).execute();
    },
    /** Counts a failed sign-in and returns the new streak, atomically. */
    async recordFailedLogin(id: string): Promise<number> {
      await db.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) })).where('id', '=', id).execute();
      const row = await db.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirst();
      return Number(row?.failed_logins ?? 0);
    },
    async lockUntil(id: string, until: string): Promise<void> {
      await db.updateTable('users').set({ locked_until: until }).where('id', '=', id).execute();
    },
    async clearFailedLogins(id: string): Promise<void> {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    },
    async count(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
