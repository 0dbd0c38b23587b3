import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TandemApp } from '../app.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { testConfig } from '../testing/test-app.ts';
import { liveLesson } from './live-fixtures.ts';
import { LiveTestClient } from './live-test-client.ts';

const cluster = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

/** Two Tandem nodes on one PostgreSQL and one Redis: a room spans both. */
describe.skipIf(!cluster)('live room on two nodes (PostgreSQL + Redis adapter)', () => {
  let database: TestDatabase;
  let secondHandle: Database;
  let nodeA: TandemApp;
  let nodeB: TandemApp;
  const url = (app: TandemApp) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    secondHandle = openDatabase(process.env.TEST_DATABASE_URL!, { schema: database.schema!, poolSize: 5 });
    const config = testConfig({ redisUrl: process.env.TEST_REDIS_URL });
    nodeA = await buildApp(config, { database, logger: false });
    nodeB = await buildApp(config, { database: secondHandle, logger: false });
    await nodeA.listen({ port: 0, host: '127.0.0.1' });
    await nodeB.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await secondHandle?.close();
    await database?.drop();
  });

  it('carries a poll opened on one node to a student on the other, and the answer back', async () => {
    const { lessonId, teacher, students, activities } = await liveLesson(nodeA, 1);
    const t = new LiveTestClient(url(nodeA), teacher.cookie);
    const s = new LiveTestClient(url(nodeB), students[0]!.cookie);
    try {
      await t.connect();
      await s.connect();
      expect((await t.join(lessonId)).ok).toBe(true);
      expect((await s.join(lessonId)).ok).toBe(true);
      await t.until((v) => v.present.length === 2);
      await t.send({ type: 'poll.open', activityId: activities.poll });
      const opened = await s.until((v) => v.poll?.status === 'open');
      expect(opened.poll!.question).toBe('Ready?');
      await s.send({ type: 'poll.answer', pollId: opened.poll!.id, choice: 1 });
      const teacherView = await t.until((v) => v.poll?.results?.total === 1);
      expect(teacherView.poll!.results!.counts).toEqual([0, 1]);
      // Presence reconciliation on join sees sockets of both nodes: nobody is dropped.
      const again = new LiveTestClient(url(nodeB), teacher.cookie);
      await again.connect();
      const rejoin = await again.join(lessonId);
      expect(rejoin.ok && rejoin.state.present.length).toBe(2);
      again.close();
    } finally {
      t.close();
      s.close();
    }
  });
});
