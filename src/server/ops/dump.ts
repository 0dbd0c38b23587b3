import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { listTables, type TableInfo } from './tables.ts';

/**
 * A portable dump of a whole instance as JSON lines: a header, then for each table a line with its
 * row count and checksum followed by its rows. It moves an instance between SQLite and PostgreSQL
 * and doubles as the PostgreSQL online backup (read inside one snapshot).
 */
export const DUMP_FORMAT = 'tandem-dump';
export const DUMP_VERSION = 1;

type Row = Record<string, unknown>;
export type TableSummary = { table: string; rows: number; checksum: string };

/** Integers that PostgreSQL returns as strings (bigint counts) and numbers compare as numbers. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

function canonical(row: Row, columns: string[]): string {
  return JSON.stringify(columns.map((c) => normalise(row[c])));
}

/** Order-independent checksum: sha256 over the sorted canonical rows. */
export function checksumRows(rows: Row[], columns: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const line of rows.map((r) => canonical(r, columns)).sort()) hash.update(line).update('\n');
  return hash.digest('hex');
}

async function readTable(db: Kysely<any> | Transaction<any>, table: TableInfo): Promise<Row[]> {
  let query = db.selectFrom(table.name).select(table.columns);
  for (const key of table.primaryKey) query = query.orderBy(key);
  return (await query.execute()) as Row[];
}

export async function summarise(database: Database): Promise<TableSummary[]> {
  const tables = await listTables(database);
  const out: TableSummary[] = [];
  for (const table of tables) {
    const rows = await readTable(database.db, table);
    out.push({ table: table.name, rows: rows.length, checksum: checksumRows(rows, table.columns) });
  }
  return out;
}

/** Writes the dump; on PostgreSQL every table is read in one repeatable-read snapshot. */
export async function exportDump(database: Database, file: string): Promise<TableSummary[]> {
  const tables = await listTables(database);
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = (value: unknown) => new Promise<void>((resolve, reject) => out.write(`${JSON.stringify(value)}\n`, (e) => (e ? reject(e) : resolve())));
  const summaries: TableSummary[] = [];
  const dumpAll = async (db: Kysely<any> | Transaction<any>) => {
    await write({ format: DUMP_FORMAT, version: DUMP_VERSION, createdAt: new Date().toISOString(), migrations: Object.keys(migrations), from: database.dialect });
    for (const table of tables) {
      const rows = await readTable(db, table);
      const summary = { table: table.name, rows: rows.length, checksum: checksumRows(rows, table.columns) };
      summaries.push(summary);
      await write({ ...summary, columns: table.columns });
      for (const row of rows) await write(table.columns.map((c) => normalise(row[c])));
    }
  };
  if (database.dialect === 'postgres') {
    await database.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => dumpAll(trx));
  } else {
    // One read transaction on SQLite too, so concurrent writers cannot tear the dump.
    await database.db.transaction().execute(async (trx) => dumpAll(trx));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return summaries;
}

export class DumpError extends Error {}

/**
 * Loads a dump into an empty, migrated database in one transaction, then re-reads every table and
 * checks counts and checksums against the dump. Any mismatch rolls everything back.
 */
export async function importDump(database: Database, file: string, options: { replace?: boolean } = {}): Promise<TableSummary[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as { format?: string; version?: number; migrations?: string[] });
  if (header?.format !== DUMP_FORMAT || header.version !== DUMP_VERSION) throw new DumpError(`${file} is not a Tandem dump`);
  const unknown = (header.migrations ?? []).filter((m) => !(m in migrations));
  if (unknown.length) throw new DumpError(`The dump comes from a newer Tandem (migrations ${unknown.join(', ')}); upgrade first`);

  const tables = new Map((await listTables(database)).map((t) => [t.name, t]));
  for (const table of options.replace ? [] : tables.values()) {
    const count = await database.db.selectFrom(table.name as never).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    if (Number((count as { n: unknown }).n) > 0) throw new DumpError(`The target database is not empty (table ${table.name} has rows)`);
  }

  const expected: (TableSummary & { columns: string[] })[] = [];
  // Tables are only known at run time here, so this code works on an untyped view of the database.
  const untyped = database.db as unknown as Kysely<Record<string, Row>>;
  await untyped.transaction().execute(async (trx) => {
    // Restoring over existing data: empty every table, children first, inside the same transaction.
    if (options.replace) for (const table of [...tables.values()].reverse()) await trx.deleteFrom(table.name).execute();
    let current: { table: string; columns: string[]; batch: Row[] } | undefined;
    const flush = async () => {
      if (current && current.batch.length) await trx.insertInto(current.table).values(current.batch).execute();
      if (current) current.batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const parsed: unknown = JSON.parse(next.value);
      if (Array.isArray(parsed)) {
        if (!current) throw new DumpError('Row before any table header');
        current.batch.push(Object.fromEntries(current.columns.map((c, i) => [c, parsed[i]])));
        // Keep statements well under SQLite's and PostgreSQL's bound-parameter limits.
        if (current.batch.length * current.columns.length >= 8000) await flush();
        continue;
      }
      const section = parsed as TableSummary & { columns: string[] };
      await flush();
      const target = tables.get(section.table);
      if (!target) throw new DumpError(`The dump has a table this version does not know: ${section.table}`);
      const missing = section.columns.filter((c) => !target.columns.includes(c));
      if (missing.length) throw new DumpError(`Table ${section.table}: unknown columns ${missing.join(', ')}`);
      expected.push({ table: section.table, rows: section.rows, checksum: section.checksum, columns: section.columns });
      current = { table: section.table, columns: section.columns, batch: [] };
    }
    await flush();
    // Verify before commit: any mismatch throws and rolls the whole import back.
    for (const want of expected) {
      const rows = await readTable(trx, tables.get(want.table)!);
      const checksum = checksumRows(rows, want.columns);
      if (rows.length !== want.rows) throw new DumpError(`Table ${want.table}: ${rows.length} rows loaded, ${want.rows} expected`);
      if (checksum !== want.checksum) throw new DumpError(`Table ${want.table}: checksum ${checksum} does not match the dump's ${want.checksum}`);
    }
  });
  return expected.map(({ table, rows, checksum }) => ({ table, rows, checksum }));
}
