import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';

/**
 * Inserts many rows fast, for seeding bench databases: one prepared statement in one transaction
 * on SQLite, multi-row INSERTs sized under PostgreSQL's bound-parameter limit.
 */
export async function insertMany<T extends keyof DB & string>(database: Database, table: T, rows: Insertable<DB[T]>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] as object);
  const sqlite = database.sqlite;
  if (sqlite) {
    const statement = sqlite.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    sqlite.transaction(() => {
      for (const row of rows) statement.run(...columns.map((c) => (row as Record<string, unknown>)[c] as string | number | null));
    })();
    return rows.length;
  }
  const batch = Math.max(1, Math.floor(30_000 / columns.length));
  await database.db.transaction().execute(async (trx: Kysely<DB>) => {
    // Kysely cannot type a table chosen at run time; the rows were built for this table.
    for (let i = 0; i < rows.length; i += batch) await trx.insertInto(table).values(rows.slice(i, i + batch) as never).execute();
  });
  return rows.length;
}
