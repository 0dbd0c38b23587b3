import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { LiveTestClient } from './realtime/live-test-client.ts';
import { seedClass } from './testing/seed-class.ts';
import { freePort, startServer, type ServerProcess } from './testing/server-process.ts';
import { testConfig } from './testing/test-app.ts';

/** What docs/deploy.md promises an operator, checked against a real server. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-deploy-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.crash()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the health check a load balancer polls', () => {
  it('answers 503 with the error shape when the database does not answer (SQLite closed, PostgreSQL unreachable)', async () => {
    const file = openDatabase(path.join(tmp, 'health.db'));
    await migrateToLatest(file);
    const unreachable = openDatabase(`postgres://tandem@127.0.0.1:${await freePort()}/tandem`, { poolSize: 1 });
    for (const database of [file, unreachable]) {
      const app = await buildApp(testConfig(), { database, logger: false });
      try {
        if (database === file) {
          expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
          database.sqlite!.close();
        }
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ error: { code: 'database_unavailable', message: expect.any(String) } });
      } finally {
        await app.close();
      }
    }
    await unreachable.close();
  });
});

describe('a node as docs/deploy.md runs it (its own process)', () => {
  it('serves the live room over WebSocket only (no polling, so no sticky sessions), and finishes requests in flight on SIGTERM', { timeout: 90_000 }, async () => {
    const databaseUrl = path.join(tmp, 'node.db');
    const seeding = openDatabase(databaseUrl);
    await migrateToLatest(seeding);
    const cls = await seedClass(seeding, 1);
    await seeding.close();
    const node = await startServer({ DATABASE_URL: databaseUrl, UPLOADS_DIR: path.join(tmp, 'uploads') });
    servers.push(node);

    // Engine.IO's long-polling transport is refused; the WebSocket one is accepted.
    const polling = await fetch(`${node.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
    expect(await polling.json()).toMatchObject({ message: 'Transport unknown' });
    const socket = new LiveTestClient(node.url, cls.teacher.cookie);
    await socket.connect();
    expect(socket.socket.io.engine.transport.name).toBe('websocket');
    const dropped = new Promise<string>((resolve) => socket.socket.once('disconnect', (reason) => resolve(reason)));

    // An upload is still arriving when SIGTERM comes: it completes, then the process exits cleanly.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64 * 1024)]);
    const request = http.request(`${node.url}/api/courses/${cls.courseId}/uploads?name=slow.png`, {
      method: 'POST',
      headers: { cookie: cls.teacher.cookie, origin: node.url, 'content-type': 'image/png', 'content-length': String(png.length) },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    request.write(png.subarray(0, 1024));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = node.stop();
    // The node is shutting down: it takes no new connection (the balancer moves on)...
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await fetch(`${node.url}/api/health`).then((res) => res.status === 503, () => true);
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    // ...but the upload already under way still completes.
    request.end(png.subarray(1024));
    const uploaded = await answer;
    const answeredAt = Date.now();
    expect(uploaded.status, uploaded.body).toBe(201);
    expect(JSON.parse(uploaded.body).upload).toMatchObject({ fileName: 'slow.png', size: png.length });
    expect(await exited).toBe(0);
    // It exits as soon as that answer is out: a balancer's keep-alive connection (Fastify keeps an
    // idle one 72 s) does not hold it. The bound leaves room for a busy machine's slow exit.
    expect(Date.now() - answeredAt).toBeLessThan(20_000);
    // Live clients were let go as a transport failure, so they reconnect to another node by themselves.
    expect(await dropped).toBe('transport close');
    socket.close();
  });
});
