import { ApiError } from '../../lib/api.ts';
import { idb } from './idb.ts';
import { offlineUser, whenOfflineUser } from './offline-user.ts';
import { queueState, type QueueSnapshot } from './queue-state.ts';

/**
 * The offline write queue. A student's answers (autosave PUTs and submits) are written to
 * IndexedDB first, then sent in order, one at a time, when there is a connection; they survive
 * reloads, closed tabs and lost connections.
 *
 * - No duplicates: submits carry a `submissionId` (the server answers a retry with the first
 *   result), a submit already waiting is joined rather than queued twice, and autosaves of the
 *   same response waiting together collapse into the latest one.
 * - No false conflicts: an autosave based on a revision this device itself wrote is moved onto
 *   the revision that write produced (the page may not have heard the answer while offline).
 * - Conflicts and refusals are kept and shown (OfflineStatus.tsx), never dropped silently.
 */

export type WriteKind = 'save' | 'submit';
export type EntryState = 'pending' | 'conflict' | 'failed';

export type QueueEntry = {
  seq?: number;
  userId: string;
  activityId: string;
  kind: WriteKind;
  method: 'PUT' | 'POST';
  url: string;
  body: Record<string, unknown>;
  createdAt: string;
  state: EntryState;
  attempts: number;
  /** Conflict or refusal: what the server said. */
  error?: { status: number; code: string } | undefined;
};

export type { QueueSnapshot };

type Waiter = { resolve: (data: unknown) => void; reject: (error: unknown) => void };

const RETRY_MS = 15_000;
const MAX_BACKOFF_MS = 60_000;

const waiters = new Map<number, Waiter[]>();
/** Entries being sent right now are never rewritten. */
const inFlight = new Set<number>();
/** Reading and changing the queue happen one at a time in this tab (picking the next entry to send included). */
let queueLock: Promise<unknown> = Promise.resolve();
function locked<T>(task: () => Promise<T>): Promise<T> {
  const run = queueLock.then(task, task);
  queueLock = run.catch(() => undefined);
  return run;
}
let draining = false;
let drainAgain = false;
let backoffMs = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

// ---------- reading what is stored (it may come from an older version: check it) ----------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asEntry(value: unknown): QueueEntry | null {
  if (!isRecord(value)) return null;
  const { seq, userId, activityId, kind, method, url, body, createdAt, state, attempts, error } = value;
  if (typeof seq !== 'number' || typeof userId !== 'string' || typeof activityId !== 'string' || typeof url !== 'string' || typeof createdAt !== 'string') return null;
  if ((kind !== 'save' && kind !== 'submit') || (method !== 'PUT' && method !== 'POST') || !isRecord(body)) return null;
  if (state !== 'pending' && state !== 'conflict' && state !== 'failed') return null;
  const parsedError = isRecord(error) && typeof error.status === 'number' && typeof error.code === 'string' ? { status: error.status, code: error.code } : undefined;
  return { seq, userId, activityId, kind, method, url, body, createdAt, state, attempts: typeof attempts === 'number' ? attempts : 0, error: parsedError };
}

async function entriesOf(userId: string | null): Promise<QueueEntry[]> {
  if (!userId) return [];
  const all = await idb.all('queue');
  return all.flatMap((value) => {
    const entry = asEntry(value);
    return entry && entry.userId === userId ? [entry] : [];
  });
}

// ---------- revisions this device wrote (for rebasing autosaves) ----------

type OwnRevisions = { key: string; revisions: number[]; latest: number };
const revisionKey = (userId: string, activityId: string) => `${userId}:${activityId}`;

async function ownRevisions(userId: string, activityId: string): Promise<OwnRevisions | null> {
  const value = await idb.get('revisions', revisionKey(userId, activityId));
  if (!isRecord(value) || typeof value.latest !== 'number' || !Array.isArray(value.revisions)) return null;
  return { key: revisionKey(userId, activityId), latest: value.latest, revisions: value.revisions.filter((r): r is number => typeof r === 'number') };
}

async function rememberRevision(userId: string, activityId: string, base: number | undefined, revision: number): Promise<void> {
  const own = (await ownRevisions(userId, activityId)) ?? { key: revisionKey(userId, activityId), revisions: [], latest: revision };
  const revisions = [...own.revisions, ...(base === undefined ? [] : [base]), revision].slice(-20);
  await idb.put('revisions', { key: own.key, revisions, latest: Math.max(own.latest, revision) });
}

/** The body to send: an autosave based on a revision this device wrote moves to its latest one. */
export async function rebased(entry: QueueEntry): Promise<Record<string, unknown>> {
  const base = entry.body.baseRevision;
  if (entry.kind !== 'save' || typeof base !== 'number') return entry.body;
  const own = await ownRevisions(entry.userId, entry.activityId);
  if (!own || own.latest <= base || !own.revisions.includes(base)) return entry.body;
  return { ...entry.body, baseRevision: own.latest };
}

function revisionIn(data: unknown): number | null {
  if (!isRecord(data) || !isRecord(data.response)) return null;
  return typeof data.response.revision === 'number' ? data.response.revision : null;
}

/** One conflict kept per response: the newest; and none once a later write got through. */
async function dropConflicts(userId: string, activityId: string): Promise<void> {
  for (const other of await entriesOf(userId)) {
    if (other.activityId === activityId && other.state === 'conflict' && other.seq !== undefined) await idb.delete('queue', other.seq);
  }
}

// ---------- listeners ----------

async function publish(): Promise<void> {
  const entries = await entriesOf(offlineUser()).catch(() => []);
  queueState.set({
    online: navigator.onLine,
    syncing: draining,
    pending: entries.filter((entry) => entry.state === 'pending').length,
    entries,
  });
}

export const offlineQueue = {
  subscribe: queueState.subscribe,
  snapshot: queueState.get,
  refresh: publish,
  /** Sends what is waiting now (the connection is back, the app started, the user asked). */
  drain,
  /** The student dismissed a refused write after reading it. */
  async dismiss(seq: number): Promise<void> {
    await idb.delete('queue', seq);
    await publish();
  },
  /** A conflict was settled on the activity's page: its kept record is no longer needed. */
  async settled(activityId: string): Promise<void> {
    const userId = offlineUser();
    if (userId) await locked(() => dropConflicts(userId, activityId));
    await publish();
  },
};

// ---------- sending ----------

function networkError(): ApiError {
  return new ApiError(0, 'network_error', 'Could not reach Tandem');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function apiErrorFrom(status: number, data: unknown): ApiError {
  const error = isRecord(data) && isRecord(data.error) ? data.error : null;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = Array.isArray(error.details)
      ? error.details.flatMap((detail) => (isRecord(detail) && typeof detail.path === 'string' && typeof detail.message === 'string' ? [{ path: detail.path, message: detail.message }] : []))
      : [];
    return new ApiError(status, error.code, error.message, details, data);
  }
  return new ApiError(status, 'http_error', `HTTP ${status}`);
}

function settle(seq: number, outcome: { data: unknown } | { error: unknown }): boolean {
  const list = waiters.get(seq);
  waiters.delete(seq);
  if (!list) return false;
  for (const waiter of list) {
    if ('data' in outcome) waiter.resolve(outcome.data);
    else waiter.reject(outcome.error);
  }
  return true;
}

function rejectAllWaiting(error: unknown): void {
  for (const seq of [...waiters.keys()]) settle(seq, { error });
}

function scheduleRetry(ms: number): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void drain(), ms);
}

/** Sends one entry; says whether to go on with the next one. */
async function sendOne(entry: QueueEntry & { seq: number }): Promise<'next' | 'stop'> {
  const body = await rebased(entry);
  let response: Response;
  try {
    response = await fetch(entry.url, {
      method: entry.method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    rejectAllWaiting(networkError());
    scheduleRetry(RETRY_MS);
    return 'stop';
  }
  const data = await readJson(response);
  if (response.ok) {
    await idb.delete('queue', entry.seq);
    const revision = revisionIn(data);
    if (revision !== null) await rememberRevision(entry.userId, entry.activityId, typeof body.baseRevision === 'number' ? body.baseRevision : undefined, revision);
    // A later write of the same response went through: an older conflict about it is settled.
    await dropConflicts(entry.userId, entry.activityId);
    settle(entry.seq, { data });
    backoffMs = 0;
    return 'next';
  }
  const error = apiErrorFrom(response.status, data);
  if (response.status >= 500 || response.status === 408 || response.status === 429 || (response.status === 409 && error.code === 'busy')) {
    // The server is struggling: keep the order, try again later.
    await idb.put('queue', { ...entry, attempts: entry.attempts + 1 });
    // Everyone waiting hears it now (the page shows it); the writes stay queued and go out later.
    rejectAllWaiting(error);
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs ? backoffMs * 2 : 2000);
    scheduleRetry(backoffMs);
    return 'stop';
  }
  if (response.status === 401) {
    // Signed out meanwhile: everything waits for this account to sign in again.
    rejectAllWaiting(error);
    return 'stop';
  }
  // A conflict (stale_response) or a refusal (closed, not open, no attempts left…): the page,
  // if it is open, shows it in context; the record stays, shown in the header, until the
  // student settles it there (a later save of the same response, or dismissing a refusal).
  if (error.code === 'stale_response') await dropConflicts(entry.userId, entry.activityId);
  await idb.put('queue', { ...entry, state: error.code === 'stale_response' ? 'conflict' : 'failed', error: { status: response.status, code: error.code } });
  settle(entry.seq, { error });
  return 'next';
}

async function drainOnce(): Promise<void> {
  const userId = offlineUser();
  for (;;) {
    const next = await locked(async () => {
      const found = (await entriesOf(userId)).find((entry): entry is QueueEntry & { seq: number } => entry.state === 'pending' && entry.seq !== undefined);
      if (found) inFlight.add(found.seq);
      return found;
    });
    if (!next) return;
    let outcome: 'next' | 'stop';
    try {
      outcome = await sendOne(next);
    } finally {
      inFlight.delete(next.seq);
    }
    await publish();
    if (outcome === 'stop') return;
  }
}

/** One drain at a time, across tabs too (Web Locks), so no write is sent twice at once. */
let running: Promise<void> | null = null;

/** Resolves when everything that could be sent was (a drain already running takes another pass). */
function drain(): Promise<void> {
  if (!offlineUser()) return Promise.resolve();
  // A drain now makes any scheduled retry pointless.
  clearTimeout(retryTimer);
  if (running) {
    drainAgain = true;
    return running;
  }
  running = drainLoop().finally(() => {
    running = null;
  });
  return running;
}

async function drainLoop(): Promise<void> {
  draining = true;
  await publish();
  try {
    do {
      drainAgain = false;
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      if (locks) await locks.request('tandem-offline-queue', () => drainOnce());
      else await drainOnce();
    } while (drainAgain);
  } catch {
    rejectAllWaiting(networkError());
    scheduleRetry(RETRY_MS);
  } finally {
    draining = false;
    await publish();
  }
}

/**
 * Queues a write and sends it as soon as it may. Resolves with the server's JSON when this
 * write got through; rejects with the ApiError the server gave, or a network_error (status 0)
 * when there is no connection — the write then stays queued and goes out later by itself.
 */
export async function queueWrite(write: { kind: WriteKind; method: 'PUT' | 'POST'; url: string; body: Record<string, unknown>; activityId: string }): Promise<unknown> {
  const userId = await whenOfflineUser();
  if (!userId) return sendDirect(write);
  const seq = await locked(() => enqueue(userId, write));
  const result = new Promise<unknown>((resolve, reject) => {
    const list = waiters.get(seq) ?? [];
    list.push({ resolve, reject });
    waiters.set(seq, list);
  });
  if (!navigator.onLine) {
    settle(seq, { error: networkError() });
    void publish();
  } else void drain();
  return result;
}

/** Stores the write (joined to, or collapsed into, one waiting already) and returns its place in the queue. */
async function enqueue(userId: string, write: { kind: WriteKind; method: 'PUT' | 'POST'; url: string; body: Record<string, unknown>; activityId: string }): Promise<number> {
  const entries = await entriesOf(userId);
  const submissionId = write.body.submissionId;
  let seq: number | undefined;
  if (write.kind === 'submit' && typeof submissionId === 'string') {
    // The same submit again (a retry after a reload): join it rather than queue it twice.
    seq = entries.find((entry) => entry.state === 'pending' && entry.kind === 'submit' && entry.body.submissionId === submissionId)?.seq;
  }
  if (seq === undefined && write.kind === 'save') {
    // The latest autosave of a response replaces one still waiting, if nothing of the same
    // response is queued after it (a submit must keep seeing the save before it).
    const sameActivity = entries.filter((entry) => entry.activityId === write.activityId && entry.state === 'pending');
    const last = sameActivity.at(-1);
    if (last && last.kind === 'save' && last.seq !== undefined && !inFlight.has(last.seq)) {
      await idb.put('queue', { ...last, body: write.body, url: write.url });
      seq = last.seq;
    }
  }
  if (seq === undefined) {
    const entry: QueueEntry = { userId, activityId: write.activityId, kind: write.kind, method: write.method, url: write.url, body: write.body, createdAt: new Date().toISOString(), state: 'pending', attempts: 0 };
    const key = await idb.put('queue', entry);
    if (typeof key !== 'number') throw new Error('queue key is not a number');
    seq = key;
  }
  return seq;
}

/** Nobody signed in that the queue knows of: no queueing, just the request. */
async function sendDirect(write: { method: string; url: string; body: Record<string, unknown> }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(write.url, { method: write.method, credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(write.body) });
  } catch {
    throw networkError();
  }
  const data = await readJson(response);
  if (!response.ok) throw apiErrorFrom(response.status, data);
  return data;
}

// The connection coming back, the tab coming back to the front, and a slow timer for networks
// that never say they are back: each sends what waits.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    backoffMs = 0;
    void drain();
  });
  window.addEventListener('offline', () => void publish());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void drain();
  });
  setInterval(() => {
    if (navigator.onLine && queueState.get().pending > 0 && !draining) void drain();
  }, RETRY_MS);
}
