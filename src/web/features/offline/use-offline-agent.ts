import { useEffect } from 'react';
import { api } from '../../lib/api.ts';
import { MyWorkLight } from '../../lib/light-schemas.ts';
import { nextPreworkLesson } from './next-lesson.ts';
import { waitingWrites } from './peek.ts';

/** Saved again at most this often on its own (the service worker refreshes it on every visit meanwhile). */
const AUTO_REFRESH_MS = 6 * 60 * 60_000;

type NetworkInformation = { saveData?: boolean };

function savesData(): boolean {
  const connection: NetworkInformation | undefined = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return connection?.saveData === true;
}

/**
 * The background side of offline work for the signed-in account, once the first screen has
 * loaded: sends what waits in the queue from an earlier visit, keeps the session for opening
 * the app offline, and saves the next lesson's pre-work for offline without being asked (unless
 * the device asks to save data). Each part loads only if it has something to do.
 */
export function useOfflineAgent(userId: string): void {
  useEffect(() => {
    let cancelled = false;
    void waitingWrites(userId).then(
      async (count) => {
        if (count > 0 && !cancelled) await (await import('./queue.ts')).offlineQueue.drain();
      },
      () => undefined,
    );
    const save = async () => {
      if (cancelled || !navigator.onLine) return;
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
    // A saved copy is of use only once a service worker answers from it: on the first visit,
    // that is when it has installed and taken over; never if service workers are blocked.
    const start = () => void save().catch(() => undefined);
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    if (sw?.controller) start();
    else sw?.addEventListener('controllerchange', start, { once: true });
    return () => {
      cancelled = true;
      sw?.removeEventListener('controllerchange', start);
    };
  }, [userId]);
}
