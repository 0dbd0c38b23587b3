import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ClientCommand, ErrorCode, PROTOCOL_VERSION } from '../../shared/realtime/protocol.ts';
import { summarise } from '../ops/dump.ts';
import { LiveTestClient } from '../realtime/live-test-client.ts';
import { testDatabases } from '../testing/databases.ts';
import { createTestApp, type TestContext } from '../testing/test-app.ts';
import { MATRIX, type Call, type Row } from './authz-matrix.ts';
import { createFingerprinter, differences } from './db-fingerprint.ts';
import { buildWorld, call, type RawResponse, type RoleName, type World } from './world.ts';

/**
 * Hostile input at every route and every live-room message: generated malformed bodies, query
 * strings, headers, path segments, wrong content types, oversized payloads and invalid frames.
 * Never a 5xx, always the documented error shape, and a refused request changes nothing in the
 * database (counts and checksums of every table, taken after each request).
 */

/** Generated requests per route (and ×12 live-room frames); PostgreSQL checks cost more, so fewer there by default. */
const runsFor = (dialect: string) => Number(process.env.FUZZ_RUNS ?? (dialect === 'postgres' ? 6 : 8));
const BODY_LIMIT = 1024 * 1024;

/** Refusals that legitimately write: a failed sign-in counts towards the lockout. */
const WRITES_ON_REFUSAL: Record<string, string[]> = { 'POST /api/auth/login': ['users'] };

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'text/markdown',
  'image/png',
  'video/mp4',
  'application/json',
  'application/jsonx',
  ';;;',
];

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '..', '../..', '%', '%zz', '%00', '__proto__', 'constructor', 'null', 'undefined', '\u202e', '😀'.repeat(30), 'a'.repeat(5000), '<script>alert(1)</script>', "' or 1=1 --", '${7*7}', '{{7*7}}'),
);

/** A JSON value, often nasty: deep, long, prototype keys, big numbers. */
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  weirdText,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, -1, 2 ** 53, 1.5),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 200, maxLength: 400 }),
  fc.constant(JSON.parse('['.repeat(500) + ']'.repeat(500))),
);

type Mutation =
  | { kind: 'body'; json: unknown }
  | { kind: 'field'; key: string; value: unknown; drop: boolean }
  | { kind: 'garbage'; raw: string }
  | { kind: 'contentType'; contentType: string; raw: string }
  | { kind: 'query'; query: string }
  | { kind: 'path'; segment: number; value: string }
  | { kind: 'headers'; headers: Record<string, string> }
  | { kind: 'role'; role: RoleName };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  nastyJson.map((json) => ({ kind: 'body' as const, json })),
  fc.record({ key: fc.oneof(fc.constantFrom('text', 'title', 'email', 'code', 'content', 'type', 'phase', 'items', 'userIds', 'token', 'answers', 'score', 'startsAt'), fc.string({ maxLength: 12 })), value: nastyJson, drop: fc.boolean() }).map((f) => ({ kind: 'field' as const, ...f })),
  fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000{}', '{"a":"\\ud800"}', '{"a":1e999}', '{}garbage')).map((raw) => ({ kind: 'garbage' as const, raw })),
  fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), raw: fc.string({ maxLength: 60 }) }).map((c) => ({ kind: 'contentType' as const, ...c })),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('limit', 'before', 'name', 'locale', '__proto__', 'a[b]', 'constructor[prototype][x]'), fc.string({ maxLength: 8 })), weirdText), { minLength: 1, maxLength: 4 })
    .chain((pairs) => fc.boolean().map((raw) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${raw ? v.replace(/[#\s]/g, '') : encodeURIComponent(v)}`).join('&')))
    .map((query) => ({ kind: 'query' as const, query })),
  fc.record({ segment: fc.nat(6), value: weirdText }).map((p) => ({ kind: 'path' as const, ...p })),
  fc
    .dictionary(
      fc.constantFrom('cookie', 'origin', 'referer', 'range', 'accept', 'x-forwarded-proto', 'x-forwarded-for', 'x-forwarded-host', 'if-none-match', 'accept-language', 'content-encoding', 'authorization'),
      fc.oneof(weirdText.map((t) => t.replace(/[^\x20-\x7e]/g, '')), fc.constantFrom('tandem_session=' + 'A'.repeat(43), 'tandem_session=%', 'bytes=5-1', 'bytes=-', 'bytes=0-1,3-4', 'gzip', 'https', 'null')),
      { minKeys: 1, maxKeys: 4 },
    )
    .map((headers) => ({ kind: 'headers' as const, headers })),
  fc.constantFrom<RoleName>('anonymous', 'student', 'noCourse').map((role) => ({ kind: 'role' as const, role })),
);

const ALWAYS: [Mutation][] = [
  [{ kind: 'path', segment: 0, value: '\u0000' }],
  [{ kind: 'path', segment: 1, value: 'a'.repeat(3000) }],
  [{ kind: 'query', query: 'limit=%00&name=a%00b' }],
  [{ kind: 'field', key: 'text', value: 'nul \u0000 inside', drop: false }],
  [{ kind: 'field', key: 'title', value: { '\u0000key': 1 }, drop: false }],
  [{ kind: 'body', json: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) }],
  [{ kind: 'garbage', raw: '{"a":' }],
  [{ kind: 'contentType', contentType: 'application/x-www-form-urlencoded', raw: 'a=1&b=2' }],
];

/** The valid call of a row, bent by one mutation (the URL, body, content type or headers). */
function bend(row: Row, base: Call, m: Mutation): { url: string; json?: unknown; raw?: string | Buffer; contentType?: string; headers?: Record<string, string>; role?: RoleName } {
  const [pathPart, queryPart] = base.url.split('?') as [string, string | undefined];
  switch (m.kind) {
    case 'body':
      return { url: base.url, json: m.json, contentType: 'application/json' };
    case 'field': {
      const body = base.json && typeof base.json === 'object' && !Array.isArray(base.json) ? { ...(base.json as Record<string, unknown>) } : {};
      if (m.drop) delete body[m.key];
      else body[m.key] = m.value;
      return { url: base.url, json: body, contentType: 'application/json' };
    }
    case 'garbage':
      return { url: base.url, raw: m.raw, contentType: 'application/json' };
    case 'contentType':
      return { url: base.url, raw: m.raw, contentType: m.contentType };
    case 'query':
      return { ...base, url: `${pathPart}?${queryPart ? `${queryPart}&` : ''}${m.query}` };
    case 'path': {
      // Only the segments that are parameters in the route are replaced.
      const template = row.route.split(' ')[1]!.split('/');
      const parts = pathPart.split('/');
      const params = template.map((t, i) => (t.includes('{') ? i : -1)).filter((i) => i >= 0);
      if (params.length === 0) return { ...base, url: `${pathPart}/${encodeURIComponent(m.value)}` };
      const at = params[m.segment % params.length]!;
      const suffix = template[at]!.replace(/\{[^}]+\}/, '');
      parts[at] = encodeURIComponent(m.value) + suffix;
      return { ...base, url: parts.join('/') + (queryPart ? `?${queryPart}` : '') };
    }
    case 'headers':
      return { ...base, headers: m.headers };
    case 'role':
      return { ...base, role: m.role };
  }
}

function errorShapeProblems(res: RawResponse): string | undefined {
  if (res.status >= 500) return `server error ${res.status}: ${res.text.slice(0, 300)}`;
  if (res.status < 400) return undefined;
  const e = res.body?.error;
  if (!e || typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code) || typeof e.message !== 'string') return `${res.status} without the error shape: ${res.text.slice(0, 200)}`;
  if (e.details !== undefined && !(Array.isArray(e.details) && e.details.every((d: { path?: unknown; message?: unknown }) => typeof d.path === 'string' && typeof d.message === 'string'))) return `${res.status} with malformed details`;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return `${res.status} not JSON: ${String(res.headers['content-type'])}`;
  if (/\n\s+at |node_modules|\.ts:\d+/.test(res.text)) return `${res.status} leaks a stack trace`;
  return undefined;
}

describe.each(testDatabases())('bad input on $dialect', ({ dialect, available }) => {
  describe.skipIf(!available)('', () => {
    const RUNS = runsFor(dialect);
    let ctx: TestContext;
    let w: World;
    let uploads: string;
    let fingerprint: Awaited<ReturnType<typeof createFingerprinter>>;
    beforeAll(async () => {
      uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-fuzz-'));
      ctx = await createTestApp(dialect, { uploadsDir: uploads, loginRateLimit: { max: 100_000, windowMs: 60_000 } });
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      w = await buildWorld(ctx.app);
      fingerprint = await createFingerprinter(ctx.database);
    }, 60_000);
    afterAll(async () => {
      await ctx?.close();
      fs.rmSync(uploads, { recursive: true, force: true });
    });

    /** Waits for the work a request leaves running (mail, reset links), so its writes land before the next check. */
    const settle = () => ctx.app.services.passwordReset.idle();

    it('never answers a 5xx, always the error shape, and a refused request changes nothing — at every route', async () => {
      const problems: string[] = [];
      let refused = 0;
      let total = 0;
      for (const row of MATRIX) {
        const [method] = row.route.split(' ') as [string];
        // One valid call per route, bent every run (a bent call that happens to succeed may use
        // up its target, e.g. a deleted lesson: later runs then get a 404, which is fine).
        const started = performance.now();
        const base = await row.request(w, 'teacher');
        await settle();
        let before = await fingerprint();
        await fc.assert(
          fc.asyncProperty(mutation, async (m) => {
            const req = bend(row, base, m);
            const role = req.role ?? 'teacher';
            let res: RawResponse;
            try {
              res = await call(ctx.app, w.cookieOf(role), method, req.url, { json: req.json, raw: req.raw, contentType: req.contentType, headers: req.headers });
            } catch (error) {
              // light-my-request refuses some URLs and headers no HTTP client could send; nothing reached the server.
              if (error instanceof Error && /Invalid|header|URL|character/i.test(error.message)) return;
              throw error;
            }
            await settle();
            total += 1;
            const shape = errorShapeProblems(res);
            if (shape) problems.push(`${row.route} ${JSON.stringify(m).slice(0, 200)}: ${shape}`);
            const after = await fingerprint();
            if (res.status >= 400) {
              refused += 1;
              const changed = differences(before, after, WRITES_ON_REFUSAL[row.route]);
              if (changed.length > 0) problems.push(`${row.route} ${JSON.stringify(m).slice(0, 200)}: ${res.status} yet changed ${changed.join(', ')}`);
            }
            before = after;
            if (row.endsSession) {
              await w.heal(role);
              before = await fingerprint();
            }
          }),
          {
            numRuns: RUNS,
            ...(process.env.FUZZ_SEED === 'random' ? {} : { seed: Number(process.env.FUZZ_SEED ?? 4242) + MATRIX.indexOf(row) }),
            endOnFailure: true,
            // Always tried, at every route: what once broke PostgreSQL (a NUL character) and friends.
            examples: ALWAYS,
          },
        );
        if (process.env.FUZZ_PROFILE) console.log(`${Math.round(performance.now() - started)} ms ${row.route}`);
      }
      expect(problems).toEqual([]);
      // Most generated requests are refused; the rest were valid by chance (or bent a header that does not matter).
      expect(refused).toBeGreaterThan(total * 0.4);
    }, 180_000);

    it('refuses a body over the limit with 413 at every route that takes one, and stores nothing', async () => {
      const big = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT + 10) });
      const problems: string[] = [];
      // Calls are built first: some create fresh targets, which is not what is measured here.
      const rows = MATRIX.filter((r) => !r.route.startsWith('GET '));
      const calls = [];
      for (const row of rows) calls.push(await row.request(w, 'teacher'));
      await settle();
      const before = await summarise(ctx.database);
      for (const [i, row] of rows.entries()) {
        const [method] = row.route.split(' ') as [string];
        const base = calls[i]!;
        const over =
          row.route === 'POST /api/courses/{courseId}/uploads'
            ? { raw: Buffer.alloc(10 * 1024 * 1024 + 1, 0x89), contentType: 'image/png' }
            : row.route === 'POST /api/courses/{courseId}/import'
              ? { raw: '#'.repeat(BODY_LIMIT + 1), contentType: 'text/markdown' }
              : { raw: big, contentType: 'application/json' };
        const res = await call(ctx.app, w.cookieOf('teacher'), method, base.url, over);
        if (res.status !== 413) problems.push(`${row.route}: ${res.status} ${res.text.slice(0, 120)}`);
        const shape = errorShapeProblems(res);
        if (shape) problems.push(`${row.route}: ${shape}`);
      }
      await settle();
      expect(problems).toEqual([]);
      expect(differences(before, await summarise(ctx.database), ['sessions'])).toEqual([]);
    }, 60_000);

    it('survives invalid realtime frames: every ack has the protocol’s shape, and a refused one writes nothing', async () => {
      const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
      const lessonId = (await w.users.teacher.post(`/api/courses/${w.course.id}/lessons`, { title: 'Fuzzed room', live: { startsAt: w.startsAt, durationMinutes: 60 } })).body.lesson.id as string;
      for (const body of [{ type: 'poll', content: { question: 'Q?', choices: ['a', 'b'] } }, { type: 'quiz', content: { items: [{ prompt: 'P', kind: 'multiple', choices: ['a', 'b', 'c'], answer: [0] }] } }]) {
        await w.users.teacher.post(`/api/lessons/${lessonId}/activities`, { phase: 'live', title: 'Step', ...body });
      }
      const teacher = new LiveTestClient(base, w.users.teacher.cookie);
      const student = new LiveTestClient(base, w.users.student.cookie);
      const problems: string[] = [];
      try {
        await teacher.connect();
        await student.connect();
        expect((await teacher.join(lessonId)).ok).toBe(true);
        expect((await student.join(lessonId)).ok).toBe(true);
        // Every command but the one that ends the session for good (the room must stay usable).
        const types = ClientCommand.options.map((o) => o.shape.type.value).filter((t) => t !== 'session.end');
        const frame = fc.oneof(
          nastyJson,
          fc.record({ type: fc.constantFrom(...types) }, { requiredKeys: [] }).chain((cmd) => fc.dictionary(fc.constantFrom('type', 'index', 'pace', 'activityId', 'pollId', 'choice', 'text', 'questionId', 'answered', 'note', 'handId', 'strategy', 'task', 'durationSeconds', 'scope', 'userId', 'seconds'), nastyJson, { maxKeys: 3 }).map((extra) => ({ ...cmd, ...extra }))),
        );
        const isAck = (ack: unknown) => {
          if (!ack || typeof ack !== 'object') return false;
          const a = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
          if (a.ok === true) return true;
          // 'internal' is the room's 500: a bug, never an answer to bad input.
          return a.ok === false && a.error?.code !== 'internal' && ErrorCode.safeParse(a.error?.code).success && typeof a.error?.message === 'string';
        };
        await fc.assert(
          fc.asyncProperty(frame, fc.constantFrom('command', 'join'), fc.boolean(), async (payload, event, asStudent) => {
            const socket = (asStudent ? student : teacher).socket;
            const before = await fingerprint();
            let ack: unknown;
            try {
              ack = await socket.timeout(3000).emitWithAck(event, payload as never);
            } catch (error) {
              problems.push(`${event} ${JSON.stringify(payload).slice(0, 120)}: no ack (${String(error)})`);
              return;
            }
            if (!isAck(ack) && !(event === 'join' && (ack as { ok?: boolean })?.ok === true)) problems.push(`${event} ${JSON.stringify(payload).slice(0, 120)}: ack ${JSON.stringify(ack).slice(0, 120)}`);
            const refused = (ack as { ok?: boolean }).ok === false;
            if (refused) {
              const changed = differences(before, await fingerprint());
              if (changed.length > 0) problems.push(`${event} ${JSON.stringify(payload).slice(0, 120)}: refused yet changed ${changed.join(', ')}`);
            }
            if (event === 'join') await (asStudent ? student : teacher).join(lessonId);
            await new Promise((r) => setTimeout(r, 30)); // stay under the command budget (10 a second)
          }),
          {
            numRuns: RUNS * 12,
            ...(process.env.FUZZ_SEED === 'random' ? {} : { seed: 99 }),
            endOnFailure: true,
            examples: [
              [{ type: 'chat.send', text: 'nul \u0000', scope: 'room' }, 'command', true],
              [{ type: 'question.ask', text: '\u0000' }, 'command', false],
              [{ lessonId: '\u0000', protocol: PROTOCOL_VERSION }, 'join', true],
            ],
          },
        );
        // Frames with no ack callback, unknown events, binary and oversized payloads.
        const raw = (socket: LiveTestClient) => socket.socket as unknown as { emit(event: string, ...args: unknown[]): void };
        raw(teacher).emit('command', { type: 'step.next' });
        raw(teacher).emit('nonsense', { a: 1 });
        raw(teacher).emit('command', Buffer.from([0, 1, 2]), () => undefined);
        const gone = new Promise<void>((resolve) => student.socket.once('disconnect', () => resolve()));
        raw(student).emit('command', { type: 'chat.send', text: 'x'.repeat(100 * 1024) }, () => undefined);
        await gone; // over maxHttpBufferSize: that one connection is closed, nothing else
      } finally {
        teacher.close();
        student.close();
      }
      // Raw garbage on the WebSocket itself.
      for (const garbage of ['', 'garbage', '4', '42', '42["command"', '42/live,["join",{"lessonId":', '9'.repeat(1000), Buffer.from([255, 0, 255])]) {
        const ws = new WebSocket(`${base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie: w.users.teacher.cookie! } });
        await new Promise<void>((resolve) => {
          ws.once('open', () => {
            ws.send(garbage);
            setTimeout(() => ws.close(), 50);
          });
          ws.once('close', () => resolve());
          ws.once('error', () => resolve());
        });
      }
      expect(problems).toEqual([]);
      // Still up, still working.
      expect((await call(ctx.app, undefined, 'GET', '/api/health')).status).toBe(200);
      const again = new LiveTestClient(base, w.users.student.cookie);
      try {
        await again.connect();
        expect((await again.join(lessonId)).ok).toBe(true);
        expect(await again.socket.timeout(3000).emitWithAck('join', { lessonId, protocol: PROTOCOL_VERSION })).toMatchObject({ ok: true });
      } finally {
        again.close();
      }
    }, 120_000);
  });
});
