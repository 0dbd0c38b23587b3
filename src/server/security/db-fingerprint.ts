import type { Database } from '../db/database.ts';
import { checksumRows, type TableSummary } from '../ops/dump.ts';
import { listTables, type TableInfo } from '../ops/tables.ts';

/**
 * The same counts and checksums as `summarise` (src/server/ops/dump.ts), with the table list read
 * once: cheap enough to take after every generated request of the bad-input test.
 */
export async function createFingerprinter(database: Database) {
  const tables: TableInfo[] = await listTables(database);
  return async function fingerprint(): Promise<TableSummary[]> {
    return Promise.all(
      tables.map(async (table) => {
        let query = database.db.selectFrom(table.name as 'users').select(table.columns as 'id'[]);
        for (const key of table.primaryKey) query = query.orderBy(key as 'id');
        const rows = (await query.execute()) as Record<string, unknown>[];
        return { table: table.name, rows: rows.length, checksum: checksumRows(rows, table.columns) };
      }),
    );
  };
}

/** The tables whose count or checksum differ, e.g. ["responses: 3 → 4 rows"]. */
export function differences(before: TableSummary[], after: TableSummary[], ignore: string[] = []): string[] {
  const was = new Map(before.map((t) => [t.table, t]));
  return after
    .filter((t) => !ignore.includes(t.table))
    .filter((t) => was.get(t.table)?.checksum !== t.checksum)
    .map((t) => `${t.table}: ${was.get(t.table)?.rows ?? 0} → ${t.rows} rows${was.get(t.table)?.rows === t.rows ? ' (changed)' : ''}`);
}
