import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { loadLocaleParts } from '../../i18n/i18n.ts';
import { setOfflineUser } from './offline-user.ts';

/**
 * The offline feature's entry points for the rest of the app. Each is its own chunk with its
 * strings ('offline'), fetched when it is needed, so the first download stays as it was.
 */
const parts = () => loadLocaleParts(['offline']);

const LazyStatus = lazy(() => Promise.all([import('./OfflineStatus.tsx'), parts()]).then(([m]) => ({ default: m.OfflineStatus })));
const LazyLessonAction = lazy(() => Promise.all([import('./MakeAvailableOffline.tsx'), parts()]).then(([m]) => ({ default: m.MakeAvailableOffline })));
const LazyBottomNav = lazy(() => Promise.all([import('./BottomNav.tsx'), parts()]).then(([m]) => ({ default: m.BottomNav })));

/** Not needed for the first screen: fetched once it has loaded. */
const AFTER_LOAD_MS = 2000;

/**
 * After the first screen has loaded (plus a moment, and when the browser is idle), so the
 * connection indicator never competes with the page itself; at once when offline, when it
 * comes from the device anyway and matters most.
 */
function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(() => typeof navigator !== 'undefined' && !navigator.onLine);
  useEffect(() => {
    if (ready) return;
    let timer: number | undefined;
    const show = () => setReady(true);
    const go = () => {
      timer = window.setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(show, { timeout: 2000 }) : show()), AFTER_LOAD_MS);
    };
    window.addEventListener('offline', show);
    if (document.readyState === 'complete') go();
    else window.addEventListener('load', go, { once: true });
    return () => {
      window.removeEventListener('load', go);
      window.removeEventListener('offline', show);
      window.clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}

/** Header: online / offline / sending (N waiting), with the offline panel. Signed-in only. */
export function ConnectionStatus({ userId }: { userId: string }) {
  // The write queue sends only this account's writes (offline-user.ts); known from the start.
  useEffect(() => {
    setOfflineUser(userId);
    return () => setOfflineUser(null);
  }, [userId]);
  const ready = useAfterFirstScreen();
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <LazyStatus userId={userId} />
    </Suspense>
  );
}

/** Lesson page: "Make available offline" (students only; renders nothing for teachers). */
export function OfflineLessonAction({ lesson }: { lesson: { id: string; role: 'teacher' | 'student' } }) {
  return (
    <Suspense fallback={null}>
      <LazyLessonAction lesson={lesson} />
    </Suspense>
  );
}

const PHONE = '(max-width: 640px)';
function subscribePhone(listener: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Phones (≤ 640 px): My work, Courses and the live room at the bottom of the screen. Signed-in only. */
export function PhoneNav() {
  const phone = useSyncExternalStore(subscribePhone, () => window.matchMedia(PHONE).matches, () => false);
  if (!phone) return null;
  return (
    <Suspense fallback={null}>
      <LazyBottomNav />
    </Suspense>
  );
}
