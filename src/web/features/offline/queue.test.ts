import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../../lib/api.ts';
import { idb } from './idb.ts';
import { setOfflineUser } from './offline-user.ts';
import { offlineQueue, queueWrite } from './queue.ts';

/**
 * The queue against a fake server: a response per activity with a revision, submits counted
 * by submissionId, and a switch for the network.
 */
type Stored = { body: Record<string, unknown>; revision: number; attempts: number; submissions: Set<string> };

function fakeServer() {
  const responses = new Map<string, Stored>();
  const log: string[] = [];
  let online = true;
  let failNext = 0;
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    const activityId = url.split('/')[3] ?? '';
    log.push(`${init.method} ${activityId} ${JSON.stringify(body)}`);
    if (failNext > 0) {
      failNext -= 1;
      return new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 503 });
    }
    const row = responses.get(activityId) ?? { body: {}, revision: 0, attempts: 0, submissions: new Set<string>() };
    const { baseRevision, submissionId, ...content } = body;
    if (init.method === 'PUT') {
      const unchanged = JSON.stringify(content) === JSON.stringify(row.body);
      if (typeof baseRevision === 'number' && baseRevision !== row.revision && !unchanged) {
        return new Response(JSON.stringify({ error: { code: 'stale_response', message: 'stale' }, current: { revision: row.revision, body: row.body } }), { status: 409 });
      }
      if (!unchanged) responses.set(activityId, { ...row, body: content, revision: row.revision + 1 });
    } else {
      if (typeof submissionId === 'string' && row.submissions.has(submissionId)) {
        return Response.json({ response: { revision: row.revision, body: row.body }, attempt: row.attempts });
      }
      if (typeof submissionId === 'string') row.submissions.add(submissionId);
      responses.set(activityId, { ...row, body: content, revision: row.revision + 1, attempts: row.attempts + 1 });
    }
    const now = responses.get(activityId)!;
    return Response.json({ response: { revision: now.revision, body: now.body }, attempt: now.attempts });
  });
  return {
    responses,
    log,
    fetchMock,
    setOnline(value: boolean) {
      online = value;
      Object.defineProperty(globalThis.navigator, 'onLine', { configurable: true, get: () => online });
    },
    failNext(count: number) {
      failNext = count;
    },
  };
}

const save = (activityId: string, body: Record<string, unknown>) => queueWrite({ kind: 'save', method: 'PUT', url: `/api/activities/${activityId}/response`, body, activityId });
const submit = (activityId: string, body: Record<string, unknown>) => queueWrite({ kind: 'submit', method: 'POST', url: `/api/activities/${activityId}/submit`, body, activityId });

async function offlineFailure(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(isApiError(error) && error.status === 0 && error.code === 'network_error').toBe(true);
}

let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  idb.reset();
  server = fakeServer();
  server.setOnline(true);
  vi.stubGlobal('fetch', server.fetchMock);
  setOfflineUser('student-1');
});

afterEach(async () => {
  await offlineQueue.drain();
  vi.unstubAllGlobals();
  setOfflineUser(null);
});

describe('the offline write queue', () => {
  it('sends a write at once when online and hands back the server answer', async () => {
    const data = await save('a1', { text: 'hello', baseRevision: 0 });
    expect(data).toMatchObject({ response: { revision: 1, body: { text: 'hello' } } });
    await offlineQueue.refresh();
    expect(offlineQueue.snapshot().pending).toBe(0);
  });

  it('offline: fails fast with network_error, keeps every write, and sends them in order once back', async () => {
    server.setOnline(false);
    await offlineFailure(save('quiz', { answers: [1], baseRevision: 0 }));
    await offlineFailure(submit('quiz', { answers: [1], submissionId: 's-1' }));
    await offlineFailure(save('check', { checked: [0, 1], baseRevision: 0 }));
    await offlineFailure(save('reflect', { text: 'I learnt', baseRevision: 0 }));
    await offlineQueue.refresh();
    expect(offlineQueue.snapshot().pending).toBe(4);
    expect(server.log).toEqual([]);

    server.setOnline(true);
    await offlineQueue.drain();
    expect(server.log.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['PUT quiz', 'POST quiz', 'PUT check', 'PUT reflect']);
    expect(server.responses.get('quiz')?.attempts).toBe(1);
    expect(server.responses.get('reflect')?.body).toEqual({ text: 'I learnt' });
    expect(offlineQueue.snapshot().pending).toBe(0);
  });

  it('collapses autosaves of one response waiting together into the latest', async () => {
    server.setOnline(false);
    await offlineFailure(save('r', { text: 'I', baseRevision: 0 }));
    await offlineFailure(save('r', { text: 'I le', baseRevision: 0 }));
    await offlineFailure(save('r', { text: 'I learnt a lot', baseRevision: 0 }));
    server.setOnline(true);
    await offlineQueue.drain();
    expect(server.log).toHaveLength(1);
    expect(server.responses.get('r')?.body).toEqual({ text: 'I learnt a lot' });
  });

  it('never counts a submit twice: a retry with the same submissionId joins the waiting one', async () => {
    server.setOnline(false);
    await offlineFailure(submit('q', { answers: [2], submissionId: 'same' }));
    await offlineFailure(submit('q', { answers: [2], submissionId: 'same' }));
    server.setOnline(true);
    const [first, again] = await Promise.all([submit('q', { answers: [2], submissionId: 'same' }), offlineQueue.drain()]);
    expect(first).toMatchObject({ attempt: 1 });
    expect(again).toBeUndefined();
    expect(server.log.filter((line) => line.startsWith('POST'))).toHaveLength(1);
    expect(server.responses.get('q')?.attempts).toBe(1);
  });

  it('moves an autosave based on a revision this device wrote onto the newer one (no false conflict)', async () => {
    await save('r', { text: 'one', baseRevision: 0 });
    // The page never heard that answer (it was offline) and still thinks the base is 0.
    const data = await save('r', { text: 'one two', baseRevision: 0 });
    expect(data).toMatchObject({ response: { revision: 2 } });
    expect(server.log[1]).toContain('"baseRevision":1');
  });

  it('keeps a real conflict (another device wrote meanwhile), rejects with stale_response and shows it until settled', async () => {
    server.responses.set('r', { body: { text: 'from my laptop' }, revision: 3, attempts: 0, submissions: new Set() });
    const error = await save('r', { text: 'from my phone', baseRevision: 2 }).then(() => null, (caught: unknown) => caught);
    expect(isApiError(error) && error.status === 409 && error.code === 'stale_response').toBe(true);
    expect(server.responses.get('r')?.body).toEqual({ text: 'from my laptop' });
    await offlineQueue.refresh();
    expect(offlineQueue.snapshot().entries.map((entry) => [entry.activityId, entry.state])).toEqual([['r', 'conflict']]);

    // Keeping mine on the page: a save based on the server copy goes through and settles it.
    await save('r', { text: 'from my phone', baseRevision: 3 });
    await offlineQueue.refresh();
    expect(offlineQueue.snapshot().entries).toEqual([]);
  });

  it('keeps the order when the server fails for a while, then sends everything once', async () => {
    server.failNext(1);
    const failed = await save('a', { text: 'first', baseRevision: 0 }).then(() => null, (caught: unknown) => caught);
    expect(isApiError(failed) && failed.status === 503).toBe(true);
    // Still waiting, first in line: the next write goes out after it, not before.
    await save('b', { text: 'second', baseRevision: 0 });
    expect(server.log.map((line) => line.split(' ')[1])).toEqual(['a', 'a', 'b']);
    expect(server.responses.get('a')?.body).toEqual({ text: 'first' });
  });

  it('only ever sends the signed-in account’s writes', async () => {
    server.setOnline(false);
    await offlineFailure(save('a', { text: 'mine', baseRevision: 0 }));
    setOfflineUser('student-2');
    server.setOnline(true);
    await offlineQueue.drain();
    expect(server.log).toEqual([]);
    setOfflineUser('student-1');
    await offlineQueue.drain();
    expect(server.log).toHaveLength(1);
  });
});
