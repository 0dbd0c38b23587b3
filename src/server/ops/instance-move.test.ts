import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomView } from '../../shared/realtime/protocol.ts';
import { buildApp, type TandemApp } from '../app.ts';
import { migrateToLatest, openDatabase, type Database } from '../db/database.ts';
import { LiveTestClient } from '../realtime/live-test-client.ts';
import { testDatabases } from '../testing/databases.ts';
import { populateInstance, type PopulatedInstance } from '../testing/populated-instance.ts';
import { freshPostgresUrl } from '../testing/server-process.ts';
import { testConfig, TestClient } from '../testing/test-app.ts';
import { summarise, type TableSummary } from './dump.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-move-'));

/** Tables allowed to stay empty in a populated instance (none today: a new table gets data in populated-instance.ts). */
const MAY_BE_EMPTY: string[] = [];

/** `tandem <command>` as an operator runs it, against the database DATABASE_URL names. */
function cli(args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tandem.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** What the users see over HTTP: the same requests must give the same answers after the move. */
async function readBack(app: TandemApp, instance: PopulatedInstance): Promise<Record<string, unknown>> {
  const { teacher, coTeacher, students, course, lessonId, laterLessonId, activities } = instance;
  const as = (client: TestClient) => {
    const other = new TestClient(app);
    other.cookie = client.cookie;
    return other;
  };
  const ids = Object.values(activities);
  const urls: [TestClient, string[]][] = [
    [
      teacher,
      [
        '/api/me', '/api/courses', `/api/courses/${course.id}`, `/api/courses/${course.id}/roster`, `/api/courses/${course.id}/progress`, `/api/courses/${course.id}/progress.csv`,
        `/api/courses/${course.id}/uploads`, `/api/courses/${course.id}/audit`, `/api/lessons/${lessonId}`, `/api/lessons/${laterLessonId}`, `/api/lessons/${lessonId}/readiness`,
        `/api/lessons/${lessonId}/readiness/groups`, `/api/lessons/${lessonId}/live`, `/api/lessons/${lessonId}/live/attendance`, `/api/lessons/${lessonId}/live/summary`,
        `/api/lessons/${lessonId}/report`, `/api/lessons/${lessonId}/guidance`, '/api/me/notifications', '/api/me/calendar', `/api/activities/${activities.practice}/targets`,
        ...ids.flatMap((id) => [`/api/activities/${id}`, `/api/activities/${id}/responses`]),
        `/api/activities/${activities.discussion}/posts`, `/api/activities/${activities.box}/questions`,
      ],
    ],
    [coTeacher, ['/api/courses', `/api/lessons/${lessonId}`]],
    ...students.map((s): [TestClient, string[]] => [
      s,
      ['/api/me', '/api/me/work', '/api/me/notifications', '/api/me/export', '/api/me/calendar', `/api/lessons/${lessonId}`, `/api/lessons/${lessonId}/stuck`, ...ids.map((id) => `/api/activities/${id}/response`)],
    ]),
  ];
  const answers: Record<string, unknown> = {};
  for (const [user, list] of urls) {
    for (const url of list) {
      const res = await as(user).get(url);
      // A data export's lists are sets of rows (a download, not a page): their order is not compared.
      const body = url === '/api/me/export' ? sortLists(res.body) : res.body;
      answers[`${user.user!.name} GET ${url}`] = { status: res.status, body: normalise(body) };
    }
  }
  // The uploaded file's bytes (UPLOADS_DIR is shared: the dump carries the rows, not the files).
  const uploads = answers[`${teacher.user!.name} GET /api/courses/${course.id}/uploads`] as { body: { uploads: { url: string }[] } };
  for (const upload of uploads.body.uploads) {
    const file = await as(students[0]!).get(upload.url);
    answers[`file ${upload.url}`] = { status: file.status, body: file.raw.rawPayload.toString('base64') };
  }
  // The calendar feed itself (its URL is in /api/me/calendar).
  const feed = answers[`${students[0]!.user!.name} GET /api/me/calendar`] as { body: { url: string } };
  const ics = await as(students[0]!).get(new URL(feed.body.url).pathname);
  answers['ics'] = { status: ics.status, body: normalise(ics.body) };
  return answers;
}

const READ_TIME_KEYS = new Set(['now', 'exportedAt', 'generatedAt', 'startsInMinutes']);

/** Only what is stamped at read time may differ (the server's clock in an answer, an ICS DTSTAMP). */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:-');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !READ_TIME_KEYS.has(key)).map(([key, v]) => [key, normalise(v)]));
  }
  return value;
}

function sortLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortLists).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, sortLists(v)]));
  return value;
}

const roomScreen = (v: RoomView) => ({ status: v.status, steps: v.steps, step: v.step, poll: v.poll, questions: v.questions, hands: v.hands, groups: v.groups, chat: v.chat, timer: v.timer });

async function teacherRoom(app: TandemApp, cookie: string | undefined, lessonId: string): Promise<RoomView> {
  const socket = new LiveTestClient(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, cookie);
  try {
    await socket.connect();
    const ack = await socket.join(lessonId);
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return ack.state;
  } finally {
    socket.close();
  }
}

describe('moving a populated instance: tandem export, then tandem import-dump', () => {
  const sourceFile = path.join(tmp, 'source.db');
  const dumpFile = path.join(tmp, 'instance.dump.jsonl');
  let instance: PopulatedInstance;
  let answers: Record<string, unknown>;
  let room: RoomView;
  let tables: TableSummary[];
  let exported: { code: number | null; output: string };

  beforeAll(async () => {
    const source = openDatabase(sourceFile);
    await migrateToLatest(source);
    const app = await buildApp(testConfig({ uploadsDir: path.join(tmp, 'uploads') }), { database: source, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      instance = await populateInstance(app);
      answers = await readBack(app, instance);
    } finally {
      await app.close();
      await source.close();
    }
    // The operator's commands, as separate processes on the stopped instance.
    exported = await cli(['export', dumpFile], sourceFile);
    const reopened = openDatabase(sourceFile);
    tables = await summarise(reopened);
    await reopened.close();
  }, 90_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('starts from an instance with data in every table', () => {
    expect(exported.code, exported.output).toBe(0);
    const empty = tables.filter((t) => t.rows === 0 && !MAY_BE_EMPTY.includes(t.table)).map((t) => t.table);
    expect(empty, 'tables without rows: add data for them in src/server/testing/populated-instance.ts').toEqual([]);
    // Every page read back answered (so the comparison after the move compares real content),
    // except the targeted post-work for the students it is not given to.
    const practice = `/api/activities/${instance.activities.practice}/response`;
    const refused = Object.entries(answers).filter(([, a]) => (a as { status: number }).status !== 200);
    expect(refused.map(([key, a]) => [key, (a as { status: number }).status])).toEqual(['Zoë Éléonore', 'Ben'].map((name) => [`${name} GET ${practice}`, 404]));
    // The export prints each table's count and checksum for the operator to compare.
    for (const t of tables) expect(exported.output).toMatch(new RegExp(`${t.table}\\s+${t.rows} rows\\s+sha256 ${t.checksum.slice(0, 16)}`));
  });

  it.for(testDatabases())('loads it into $dialect with equal counts and checksums, and serves the same data', { timeout: 90_000 }, async ({ dialect, available }, { skip }) => {
    skip(!available, 'TEST_DATABASE_URL is not set');
    const targetUrl = dialect === 'postgres' ? (await freshPostgresUrl(process.env.TEST_DATABASE_URL!)).url : path.join(tmp, 'target.db');
    const imported = await cli(['import-dump', dumpFile], targetUrl);
    expect(imported.code, imported.output).toBe(0);

    const target: Database = openDatabase(targetUrl, { poolSize: 3 });
    const app = await buildApp(testConfig({ uploadsDir: path.join(tmp, 'uploads') }), { database: target, logger: false });
    try {
      expect(await summarise(target)).toEqual(tables);
      // The same sessions, the same pages: every answer is identical.
      await app.listen({ port: 0, host: '127.0.0.1' });
      const moved = await readBack(app, instance);
      expect(Object.keys(moved)).toEqual(Object.keys(answers));
      for (const key of Object.keys(answers)) expect.soft(moved[key], key).toEqual(answers[key]);
      // The live room comes back as it was left: poll history, questions, hands, groups, chat.
      room ??= await (async () => {
        const again = openDatabase(sourceFile);
        const before = await buildApp(testConfig(), { database: again, logger: false });
        await before.listen({ port: 0, host: '127.0.0.1' });
        try {
          return await teacherRoom(before, instance.teacher.cookie, instance.lessonId);
        } finally {
          await before.close();
          await again.close();
        }
      })();
      expect(roomScreen(await teacherRoom(app, instance.teacher.cookie, instance.lessonId))).toEqual(roomScreen(room));
      // A second import is refused: the target is not empty.
      const twice = await cli(['import-dump', dumpFile], targetUrl);
      expect(twice.code).not.toBe(0);
      expect(twice.output).toMatch(/not empty/);
    } finally {
      await app.close();
      await target.close();
    }
  });
});
