import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { exportDump, importDump, type TableSummary } from './dump.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    fs.readSync(fd, buffer, 0, 16, 0);
    return buffer.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A consistent online backup while the server keeps serving: SQLite's backup API copies pages
 * from a snapshot; on PostgreSQL a Tandem dump is read inside one repeatable-read snapshot
 * (pg_dump works as well; see docs/deploy.md).
 */
export async function backup(database: Database, file: string): Promise<{ kind: 'sqlite' | 'dump' }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (database.dialect === 'sqlite' && database.sqlite) {
    await database.sqlite.backup(file);
    return { kind: 'sqlite' };
  }
  await exportDump(database, file);
  return { kind: 'dump' };
}

/**
 * Restores a backup. A SQLite backup file replaces the SQLite database file (stop the server
 * first); a dump replaces the content of whichever database DATABASE_URL names, in one
 * transaction, verified by counts and checksums.
 */
export async function restore(database: Database, file: string): Promise<{ kind: 'sqlite' | 'dump'; tables?: TableSummary[] }> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  if (isSqliteFile(file)) {
    if (database.dialect !== 'sqlite' || !database.file) {
      throw new Error('This is a SQLite backup; to load it into PostgreSQL, export it with `tandem export` and use `tandem import-dump`.');
    }
    const target = database.file;
    await database.close();
    const temporary = `${target}.restoring`;
    fs.copyFileSync(file, temporary);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(temporary, target);
    return { kind: 'sqlite' };
  }
  return { kind: 'dump', tables: await importDump(database, file, { replace: true }) };
}
