import { useEffect } from 'react';
import { api } from '../../lib/api.ts';
import { MyWorkLight } from '../../lib/light-schemas.ts';
import { nextPreworkLesson } from './next-lesson.ts';
import { offlineQueue } from './queue.ts';

/** Saved again at most this often on its own (the service worker refreshes it on every visit meanwhile). */
const AUTO_REFRESH_MS = 6 * 60 * 60_000;
/** Started once the page has settled, so it never slows the first screen. */
const START_DELAY_MS = 3000;

type NetworkInformation = { saveData?: boolean };

function savesData(): boolean {
  const connection: NetworkInformation | undefined = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return connection?.saveData === true;
}

/**
 * The background side of offline work for the signed-in account: sends what waits in the
 * queue, keeps the session for opening the app offline, and saves the next lesson's pre-work
 * for offline without being asked (unless the device asks to save data).
 */
export function useOfflineAgent(userId: string): void {
  useEffect(() => {
    void offlineQueue.drain();
  }, [userId]);

  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      if (cancelled || !navigator.onLine) return;
      // Loaded only now: nothing of it is needed for the first screen.
      const { keepSession, offlineSupported, saveLessonForOffline, savedLesson } = await import('./offline-cache.ts');
      if (!offlineSupported()) return;
      await keepSession();
      if (savesData()) return;
      const work = await api.get('/api/me/work', MyWorkLight);
      const lessonId = nextPreworkLesson(work);
      if (!lessonId || cancelled) return;
      const saved = await savedLesson(userId, lessonId);
      if (saved && Date.now() - Date.parse(saved.savedAt) < AUTO_REFRESH_MS) return;
      await saveLessonForOffline(userId, lessonId, { auto: true });
    };
    const timer = setTimeout(() => void run().catch(() => undefined), START_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [userId]);
}
