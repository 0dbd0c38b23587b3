import { idb } from './idb.ts';
import { OFFLINE_CACHE } from './offline-constants.ts';
import { notifySavedChanged as notify } from './saved-changes.ts';

/**
 * "Make available offline": a lesson's pre- and post-work (the lesson, each activity, their
 * quizzes, checklists, questions and discussions, and the images they show) is fetched now and
 * kept in Cache Storage, where the service worker answers from it when the network fails.
 * Uploaded videos are large: saved only when asked, and only within the storage budget.
 */

export type SavedLesson = {
  key: string;
  userId: string;
  lessonId: string;
  title: string;
  savedAt: string;
  /** Saved by the app on its own (the next lesson's pre-work), not by the student. */
  auto: boolean;
  urls: string[];
  /** Uploaded videos of the lesson not saved yet, with their size, to offer them. */
  videos: { url: string; bytes: number | null; saved: boolean }[];
  bytes: number;
};

export class OfflineUnavailable extends Error {}
export class OverBudget extends Error {
  readonly needed: number;
  readonly available: number;
  constructor(needed: number, available: number) {
    super('over_budget');
    this.needed = needed;
    this.available = available;
  }
}

/** Never more than this share of what the browser lets Tandem store. */
const BUDGET_SHARE = 0.6;
/** The app saves the next lessons on its own; it keeps at most this many of them. */
const MAX_AUTO_SAVED = 3;

const keyOf = (userId: string, lessonId: string) => `${userId}:${lessonId}`;
const UPLOAD_URL = /\/api\/uploads\/[A-Za-z0-9_-]+\/[^"'\s)<>\\?#]+/g;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

export function offlineSupported(): boolean {
  return typeof caches !== 'undefined' && typeof indexedDB !== 'undefined' && 'serviceWorker' in navigator;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSaved(value: unknown): SavedLesson | null {
  if (!isRecord(value)) return null;
  const { key, userId, lessonId, title, savedAt, auto, urls, videos, bytes } = value;
  if (typeof key !== 'string' || typeof userId !== 'string' || typeof lessonId !== 'string' || typeof title !== 'string' || typeof savedAt !== 'string') return null;
  if (!Array.isArray(urls) || !Array.isArray(videos)) return null;
  return {
    key,
    userId,
    lessonId,
    title,
    savedAt,
    auto: auto === true,
    urls: urls.filter((url): url is string => typeof url === 'string'),
    videos: videos.flatMap((video) => (isRecord(video) && typeof video.url === 'string' ? [{ url: video.url, bytes: typeof video.bytes === 'number' ? video.bytes : null, saved: video.saved === true }] : [])),
    bytes: typeof bytes === 'number' ? bytes : 0,
  };
}

export async function savedLessons(userId: string): Promise<SavedLesson[]> {
  const all = await idb.all('saved');
  return all.flatMap((value) => {
    const saved = asSaved(value);
    return saved && saved.userId === userId ? [saved] : [];
  });
}

export async function savedLesson(userId: string, lessonId: string): Promise<SavedLesson | null> {
  return asSaved(await idb.get('saved', keyOf(userId, lessonId)));
}

/** Fetches with the session and keeps the answer; 404 is kept too (e.g. "no live session"). */
async function keep(cache: Cache, url: string): Promise<{ json: unknown; bytes: number } | null> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (response.status !== 200 && response.status !== 404) {
    if (url.startsWith('/api/lessons/') && response.status === 401) throw new OfflineUnavailable('signed_out');
    return null;
  }
  const blob = await response.clone().blob();
  await cache.put(url, response);
  if (!(blob.type.includes('json'))) return { json: null, bytes: blob.size };
  try {
    return { json: JSON.parse(await blob.text()), bytes: blob.size };
  } catch {
    return { json: null, bytes: blob.size };
  }
}

async function keepFile(cache: Cache, url: string): Promise<number> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (response.status !== 200) return 0;
  const size = Number(response.headers.get('content-length') ?? 0);
  await cache.put(url, response);
  return size;
}

/** How many more bytes Tandem may store on this device (null: the browser does not say). */
export async function storageLeft(): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  const { quota, usage } = await navigator.storage.estimate();
  if (quota === undefined || usage === undefined) return null;
  return Math.max(0, quota * BUDGET_SHARE - usage);
}

async function videoSize(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { method: 'HEAD', credentials: 'same-origin' });
    const length = Number(response.headers.get('content-length'));
    return response.ok && Number.isFinite(length) && length > 0 ? length : null;
  } catch {
    return null;
  }
}

function activityIdsOf(lesson: Record<string, unknown>): { id: string; type: string }[] {
  // Live-phase activities run in class; the async phases are what a student does alone.
  const phases = [lesson.pre, lesson.post];
  return phases.flatMap((list) =>
    Array.isArray(list) ? list.flatMap((activity) => (isRecord(activity) && typeof activity.id === 'string' && typeof activity.type === 'string' ? [{ id: activity.id, type: activity.type }] : [])) : [],
  );
}

/**
 * Saves a lesson's async work for offline (again: it refreshes what was saved). With
 * `videos`, its uploaded videos too, if they fit the storage budget (OverBudget otherwise).
 */
export async function saveLessonForOffline(userId: string, lessonId: string, options: { auto?: boolean; videos?: boolean } = {}): Promise<SavedLesson> {
  if (!offlineSupported()) throw new OfflineUnavailable('unsupported');
  const cache = await caches.open(OFFLINE_CACHE);
  const previous = await savedLesson(userId, lessonId);
  const urls = new Set<string>(['/api/me', '/api/me/work']);
  let bytes = 0;
  for (const url of urls) bytes += (await keep(cache, url))?.bytes ?? 0;

  const lessonUrl = `/api/lessons/${encodeURIComponent(lessonId)}`;
  const lessonAnswer = await keep(cache, lessonUrl);
  const envelope = lessonAnswer?.json;
  if (!isRecord(envelope) || !isRecord(envelope.lesson)) throw new OfflineUnavailable('lesson');
  const lesson = envelope.lesson;
  urls.add(lessonUrl);
  bytes += lessonAnswer?.bytes ?? 0;
  const extra = [`${lessonUrl}/live`];
  if (typeof lesson.courseId === 'string') extra.push(`/api/courses/${encodeURIComponent(lesson.courseId)}`);

  const files = new Set<string>();
  const videos = new Map<string, boolean>((previous?.videos ?? []).map((video) => [video.url, video.saved]));
  for (const match of JSON.stringify(lesson).matchAll(UPLOAD_URL)) files.add(match[0]);
  for (const { id, type } of activityIdsOf(lesson)) {
    const activityUrl = `/api/activities/${encodeURIComponent(id)}`;
    const answer = await keep(cache, activityUrl);
    if (!answer) continue;
    urls.add(activityUrl);
    bytes += answer.bytes;
    for (const match of JSON.stringify(answer.json).matchAll(UPLOAD_URL)) files.add(match[0]);
    if (type === 'question_box') extra.push(`${activityUrl}/questions`);
    if (type === 'discussion') extra.push(`${activityUrl}/posts`);
  }
  for (const url of extra) {
    const answer = await keep(cache, url);
    if (answer) {
      urls.add(url);
      bytes += answer.bytes;
    }
  }
  for (const url of files) {
    if (IMAGE_FILE.test(url)) {
      bytes += await keepFile(cache, url);
      urls.add(url);
    } else if (!videos.has(url)) videos.set(url, false);
  }

  const videoList: SavedLesson['videos'] = [];
  for (const [url, saved] of videos) videoList.push({ url, saved: saved && Boolean(await cache.match(url)), bytes: await videoSize(url) });
  if (options.videos) {
    const wanted = videoList.filter((video) => !video.saved);
    const needed = wanted.reduce((sum, video) => sum + (video.bytes ?? 0), 0);
    const left = await storageLeft();
    if (left !== null && needed > left) throw new OverBudget(needed, left);
    for (const video of wanted) {
      bytes += await keepFile(cache, video.url);
      video.saved = true;
    }
  }
  for (const video of videoList) if (video.saved) urls.add(video.url);

  // Ask the browser not to clear it when space runs low (it may say no; nothing else changes).
  void navigator.storage?.persist?.().catch(() => false);
  const record: SavedLesson = {
    key: keyOf(userId, lessonId),
    userId,
    lessonId,
    title: typeof lesson.title === 'string' ? lesson.title : '',
    savedAt: new Date().toISOString(),
    auto: options.auto === true && (previous?.auto ?? true),
    urls: [...urls],
    videos: videoList,
    bytes,
  };
  await idb.put('saved', record);
  if (record.auto) await trimAutoSaved(userId);
  notify();
  return record;
}

/** Forgets a saved lesson, keeping whatever another saved lesson still needs. */
export async function removeLessonOffline(userId: string, lessonId: string): Promise<void> {
  const all = await savedLessons(userId);
  const target = all.find((saved) => saved.lessonId === lessonId);
  if (!target) return;
  const stillNeeded = new Set(all.filter((saved) => saved !== target).flatMap((saved) => saved.urls));
  if (typeof caches !== 'undefined') {
    const cache = await caches.open(OFFLINE_CACHE);
    for (const url of target.urls) if (!stillNeeded.has(url)) await cache.delete(url);
  }
  await idb.delete('saved', target.key);
  notify();
}

async function trimAutoSaved(userId: string): Promise<void> {
  const auto = (await savedLessons(userId)).filter((saved) => saved.auto).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  for (const old of auto.slice(MAX_AUTO_SAVED)) await removeLessonOffline(userId, old.lessonId);
}

/** The signed-in account's own details, kept so the app opens offline as them (not as signed out). */
export async function keepSession(): Promise<void> {
  if (!offlineSupported()) return;
  const cache = await caches.open(OFFLINE_CACHE);
  await keep(cache, '/api/me');
  await keep(cache, '/api/me/work');
}
