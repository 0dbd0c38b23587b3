import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TandemApp } from '../app.ts';
import { migrateToLatest, openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabases } from '../testing/databases.ts';
import { courseWithClass, signUp, testConfig } from '../testing/test-app.ts';
import { backup, restore } from './backup.ts';
import { DumpError, exportDump, importDump, summarise } from './dump.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-ops-'));

/** A file-backed SQLite instance with a few courses, members and accounts. */
async function populatedInstance(name: string): Promise<{ database: Database; app: TandemApp }> {
  const database = openDatabase(path.join(tmp, `${name}.db`));
  await migrateToLatest(database);
  const app = await buildApp(testConfig(), { database, logger: false });
  for (let i = 0; i < 3; i++) await courseWithClass(app, 3);
  await signUp(app, 'Zoë Éléonore');
  return { database, app };
}

describe('moving an instance: export and import-dump', () => {
  let source: { database: Database; app: TandemApp };
  let dumpFile: string;
  beforeAll(async () => {
    source = await populatedInstance('source');
    dumpFile = path.join(tmp, 'instance.dump.jsonl');
    await exportDump(source.database, dumpFile);
  });
  afterAll(async () => {
    await source.app.close();
    await source.database.close();
  });

  it.for(testDatabases())('loads a populated SQLite instance into $dialect with equal counts and checksums', async ({ dialect, available }, { skip }) => {
    skip(!available, 'TEST_DATABASE_URL is not set');
    const target = await createTestDatabase(dialect);
    try {
      const loaded = await importDump(target, dumpFile);
      const want = await summarise(source.database);
      expect(JSON.stringify(loaded, null, 1)).toEqual(JSON.stringify(want, null, 1));
      expect(await summarise(target)).toEqual(want);
      expect(want.find((t) => t.table === 'users')!.rows).toBe(3 * 4 + 1);
      // The moved instance works: a moved account signs in there.
      const app = await buildApp(testConfig(), { database: target, logger: false });
      const email = (await target.db.selectFrom('users').select('email').where('name', '=', 'Zoë Éléonore').executeTakeFirstOrThrow()).email;
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'correct horse battery' } });
      expect(login.statusCode).toBe(200);
      await app.close();
      await expect(importDump(target, dumpFile)).rejects.toThrow(DumpError);
    } finally {
      await target.drop();
    }
  });

  it('refuses a tampered dump and leaves the target empty', async () => {
    const tampered = path.join(tmp, 'tampered.jsonl');
    const lines = fs.readFileSync(dumpFile, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('Zoë Éléonore'));
    lines[at] = lines[at]!.replace('Zoë Éléonore', 'Mallory');
    fs.writeFileSync(tampered, lines.join('\n'));
    const target = await createTestDatabase('sqlite');
    await expect(importDump(target, tampered)).rejects.toThrow(/checksum/);
    expect(Number((await target.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    await target.drop();
  });
});

describe('online backup and restore on SQLite', () => {
  it('backs up while writes continue, and restores a consistent copy', async () => {
    const live = await populatedInstance('live');
    const before = await summarise(live.database);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await signUp(live.app, `Writer ${written}`);
        written += 1;
      }
    })();
    await new Promise((r) => setTimeout(r, 150));
    const file = path.join(tmp, 'backup.db');
    const result = await backup(live.database, file);
    writing = false;
    await writer;
    expect(result.kind).toBe('sqlite');
    expect(written).toBeGreaterThan(0);

    const copy = openDatabase(file);
    const users = Number((await copy.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const integrity = copy.sqlite!.pragma('integrity_check', { simple: true });
    await copy.close();
    expect(integrity).toBe('ok');
    // Every row from before the backup is there; rows written during it may or may not be.
    expect(users).toBeGreaterThanOrEqual(before.find((t) => t.table === 'users')!.rows);

    // Restore over the live file: afterwards the database equals the backup exactly.
    await live.app.close();
    const backupSummary = await (async () => {
      const b = openDatabase(file);
      const s = await summarise(b);
      await b.close();
      return s;
    })();
    await restore(live.database, file);
    const restored = openDatabase(live.database.file!);
    expect(await summarise(restored)).toEqual(backupSummary);
    await restored.close();
  });
});
