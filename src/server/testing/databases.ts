import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database, type Dialect } from '../db/database.ts';

/**
 * The databases every database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL
 * is set. Use with `describe.each(testDatabases())` and `describe.skipIf(!available)`, so a
 * machine without PostgreSQL reports those tests as skipped, never as passed.
 */
export function testDatabases(): { dialect: Dialect; available: boolean }[] {
  return [
    { dialect: 'sqlite', available: true },
    { dialect: 'postgres', available: Boolean(process.env.TEST_DATABASE_URL) },
  ];
}

export type TestDatabase = Database & { drop(): Promise<void> };

/** A fresh, fully migrated database: a temporary in-memory SQLite, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase(':memory:');
    await migrateToLatest(database);
    return { ...database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(url, { schema, poolSize: 5 });
  await migrateToLatest(database);
  return {
    ...database,
    async drop() {
      await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
      await database.close();
    },
  };
}
