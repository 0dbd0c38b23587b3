#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openDatabase, migrateToLatest } from '../src/server/db/database.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { createServices } from '../src/server/services.ts';
import { buildWebIfMissing, serve } from '../src/server/cli/serve.ts';
import { describeDemo, seedDemo } from '../src/server/modules/demo/demo.seed.ts';
import { SignupBody } from '../src/shared/schemas/auth.ts';
import { backup, restore } from '../src/server/ops/backup.ts';
import { exportDump, importDump } from '../src/server/ops/dump.ts';
import { importNotes } from '../src/server/cli/import-notes.ts';
import { formatOutbox } from '../src/server/cli/outbox.ts';
import { ApiError } from '../src/server/lib/errors.ts';

const USAGE = `Usage: tandem <command> [options]

Commands:
  serve [--no-demo] [--build-if-missing]   run the server (migrates first; seeds the demo on an empty database)
  dev                                      the server on PORT plus the Vite dev server with hot reload on 5173
  migrate                                  apply pending database migrations and exit
  create-user --email E --name N --password P [--locale en|fr] [--time-zone Zone] [--admin]
  make-admin EMAIL [--revoke]               make an account an administrator (delete accounts, whole audit log), or stop
  seed-demo                                add the demo course with a teacher and two students
  export FILE                              write the whole instance to a portable dump (JSON lines)
  import-dump FILE                         load a dump into the empty database DATABASE_URL names; verified by counts and checksums
  backup FILE                              consistent online backup while the server runs
  restore FILE                             restore a backup (stop the server first)
  import FILE_OR_FOLDER --course ID        turn Markdown notes (e.g. Obsidian) into lessons; a folder imports each .md in name order
  outbox [--limit N]                       show the emails kept in the outbox (no SMTP_URL, or delivery failed)
  help                                     show this text

Configuration comes from the environment (see README): DATABASE_URL, PORT, PUBLIC_URL, ...`;

function printTables(tables: { table: string; rows: number; checksum: string }[]): void {
  for (const t of tables) console.log(`  ${t.table.padEnd(24)} ${String(t.rows).padStart(8)} rows  sha256 ${t.checksum.slice(0, 16)}…`);
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      'no-demo': { type: 'boolean', default: false },
      'build-if-missing': { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      locale: { type: 'string' },
      'time-zone': { type: 'string' },
      course: { type: 'string' },
      limit: { type: 'string' },
      admin: { type: 'boolean', default: false },
      revoke: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const config = loadConfig();

  switch (command) {
    case 'serve': {
      if (values['build-if-missing']) buildWebIfMissing(config);
      await serve(config, { demo: config.demo && !values['no-demo'] });
      return -1; // keep running
    }
    case 'dev': {
      // Vite serves the web app with hot reload and proxies /api and /socket.io to this server.
      const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' });
      process.once('exit', () => vite.kill());
      await serve(config, { demo: config.demo && !values['no-demo'] });
      console.log('  Open http://localhost:5173 for the web app with hot reload.');
      return -1;
    }
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      const result = await migrateToLatest(database);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      await database.close();
      return 0;
    }
    case 'create-user': {
      const parsed = SignupBody.safeParse({
        email: values.email,
        name: values.name,
        password: values.password,
        locale: values.locale,
        timeZone: values['time-zone'],
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`  --${issue.path.join('.')}: ${issue.message}`);
        return 2;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      const services = createServices(database, config);
      const user = await services.auth.createAccount(parsed.data);
      if (values.admin) await services.privacy.setAdmin(user.email, true);
      console.log(`Created ${user.email} (${user.id})${values.admin ? ' as an administrator' : ''}.`);
      await database.close();
      return 0;
    }
    case 'make-admin': {
      const email = positionals[0];
      if (!email) {
        console.error('Usage: tandem make-admin EMAIL [--revoke]');
        return 2;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      try {
        const user = await createServices(database, config).privacy.setAdmin(email, !values.revoke);
        console.log(values.revoke ? `${user.email} is no longer an administrator.` : `${user.email} is now an administrator.`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        console.error(error.message);
        return 2;
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      const result = await seedDemo(createServices(database, config));
      console.log(describeDemo(result, config.publicUrl ?? `http://localhost:${config.port}`));
      await database.close();
      return 0;
    }
    case 'export':
    case 'import-dump':
    case 'backup':
    case 'restore': {
      const file = positionals[0];
      if (!file) {
        console.error(`tandem ${command} needs a FILE`);
        return 2;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      try {
        if (command === 'export') printTables(await exportDump(database, file));
        else if (command === 'import-dump') printTables(await importDump(database, file));
        else if (command === 'backup') console.log(`Backup written to ${file} (${(await backup(database, file)).kind}).`);
        else {
          const result = await restore(database, file);
          if (result.tables) printTables(result.tables);
          console.log(`Restored from ${file}.`);
          return 0;
        }
      } finally {
        await database.close().catch(() => undefined);
      }
      return 0;
    }
    case 'import': {
      const target = positionals[0];
      if (!target || !values.course) {
        console.error('Usage: tandem import FILE_OR_FOLDER --course ID');
        return 2;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      try {
        for (const lesson of await importNotes(createServices(database, config), target, values.course)) {
          console.log(`Imported ${lesson.file} as lesson “${lesson.title}” (${lesson.lessonId}).`);
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        console.error(`Import stopped: ${error.message}`);
        return 2;
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'outbox': {
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database);
      const limit = Math.max(1, Math.min(1000, Number(values.limit ?? 20) || 20));
      console.log(formatOutbox(await createServices(database, config).repos.outbox.list(limit)));
      await database.close();
      return 0;
    }
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
