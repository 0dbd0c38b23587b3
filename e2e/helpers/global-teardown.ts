import fs from 'node:fs';

/** Removes the run's SQLite database and its journal files. */
export default function globalTeardown(): void {
  const database = process.env.TANDEM_E2E_DATABASE;
  if (!database) return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${database}${suffix}`, { force: true });
}
