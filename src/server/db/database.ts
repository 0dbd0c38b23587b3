import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResultSet, type SqliteDatabase } from 'kysely';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL schema in use when not the default one. */
  schema?: string | undefined;
  /** SQLite only: the raw handle, for the online backup API. */
  sqlite?: SQLite.Database | undefined;
  /** SQLite only: the database file (undefined for :memory:). */
  file?: string | undefined;
  close(): Promise<void>;
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export type DatabaseOptions = {
  /** PostgreSQL only: the schema to work in (tests use one per database). */
  schema?: string;
  poolSize?: number;
};

export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', schema: options.schema, close: () => db.destroy() };
  }

  const file = url.replace(/^(sqlite:|file:)/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL makes every acknowledged commit durable, even across a power cut, at a small write cost.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, file: file === ':memory:' ? undefined : path.resolve(file), close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; SQLite statements can be reused, and preparing one costs as
 * much as running a small query. The last STATEMENT_CACHE statements are kept, by SQL text.
 */
const STATEMENT_CACHE = 500;
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables across schemas; pin them to ours. Without an explicit
  // schema that is the connection's current one (a search_path set in DATABASE_URL's options):
  // otherwise another schema's kysely_migration table would make it skip creating ours.
  const schema = database.dialect === 'postgres' ? (database.schema ?? (await currentSchema(database))) : undefined;
  const migrator = new Migrator({
    db: database.db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations },
    // Parallel branches add migrations with interleaved timestamps; each is independent and additive.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

async function currentSchema(database: Database): Promise<string | undefined> {
  const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(database.db);
  return result.rows[0]?.schema ?? undefined;
}
