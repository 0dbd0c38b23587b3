import crypto from 'node:crypto';
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
  // Named after the run (see global-setup.ts), which drops it at the end.
  const run = process.env.TANDEM_TEST_RUN ?? Math.floor(Date.now() / 1000).toString(36);
  const schema = `t_${run}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(url, { schema, poolSize: 5 });
  await migrateToLatest(database);
  return {
    ...database,
    // The schema itself is dropped by the global teardown (testing/global-setup.ts), not here.
    drop: () => database.close(),
  };
}
