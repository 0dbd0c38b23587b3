import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLocaleParts } from '../../i18n/i18n.ts';
import { OfflineIcon } from './OfflineIcon.tsx';
import { setOfflineUser } from './offline-user.ts';
import { queueState } from './queue-state.ts';
import { serviceWorkerUpdate } from './register.ts';
import '../../styles/offline.css';
import { useOnline } from './use-online.ts';
import { whenLoaded } from './when-loaded.ts';

/**
 * The offline feature's entry points for the rest of the app. Only a small connection icon is
 * part of the first download; everything else is its own chunk with its strings ('offline'),
 * fetched when it has something to do, so the first screen stays light (e2e/budget.spec.ts).
 */
const parts = () => loadLocaleParts(['offline']);

const LazyStatus = lazy(() => whenLoaded(() => Promise.all([import('./OfflineStatus.tsx'), parts()])).then(([m]) => ({ default: m.OfflineStatus })));
const LazyAgent = lazy(() => whenLoaded(() => import('./OfflineAgent.tsx')).then((m) => ({ default: m.OfflineAgent })));
const LazyLessonAction = lazy(() => whenLoaded(() => Promise.all([import('./MakeAvailableOffline.tsx'), parts()])).then(([m]) => ({ default: m.MakeAvailableOffline })));
const LazyBottomNav = lazy(() => whenLoaded(() => Promise.all([import('./BottomNav.tsx'), parts()])).then(([m]) => ({ default: m.BottomNav })));

/** Not needed for the first screen: started once it has loaded. */
const AFTER_LOAD_MS = 2000;

/** After the first screen has loaded (plus a moment, when the browser is idle). */
function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const show = () => setReady(true);
    const go = () => {
      timer = window.setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(show, { timeout: 2000 }) : show()), AFTER_LOAD_MS);
    };
    if (document.readyState === 'complete') go();
    else window.addEventListener('load', go, { once: true });
    return () => {
      window.removeEventListener('load', go);
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}

/** The first download's indicator: online or offline; a press loads the full one with its panel. */
function SmallIndicator({ online, onOpen }: { online: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const word = online ? t('connection.online') : t('connection.offline');
  return (
    <div className="offline-status" data-testid="connection-status" data-state={online ? 'online' : 'offline'} data-pending={0}>
      <button type="button" className={`offline-pill offline-pill-${online ? 'online' : 'offline'}`} aria-expanded={false} onClick={onOpen}>
        <OfflineIcon name={online ? 'cloud' : 'cloudOff'} size={20} />
        <span className="offline-pill-text" aria-hidden="true">
          {word}
        </span>
        <span className="visually-hidden">
          {t('connection.label')}: {word}
        </span>
      </button>
    </div>
  );
}

/**
 * Header: online / offline / sending (N waiting). Signed-in only. The full indicator (with the
 * panel, the announcements and the queue) loads as soon as there is something to show: the
 * device is offline, writes wait, a conflict or a new version is there, or the student asks.
 */
export function ConnectionStatus({ userId }: { userId: string }) {
  // The write queue sends only this account's writes (offline-user.ts); known from the start.
  useEffect(() => {
    setOfflineUser(userId);
    return () => setOfflineUser(null);
  }, [userId]);
  const online = useOnline();
  const busy = useSyncExternalStore(queueState.subscribe, queueState.busy, () => false);
  const update = useSyncExternalStore(serviceWorkerUpdate.subscribe, serviceWorkerUpdate.available, () => false);
  const [asked, setAsked] = useState(false);
  const [full, setFull] = useState(false);
  const started = useAfterFirstScreen();
  useEffect(() => {
    if (!online || busy || update || asked) setFull(true);
  }, [online, busy, update, asked]);

  return (
    <>
      {started ? (
        <Suspense fallback={null}>
          <LazyAgent userId={userId} />
        </Suspense>
      ) : null}
      {full ? (
        <Suspense fallback={<SmallIndicator online={online} onOpen={() => undefined} />}>
          <LazyStatus userId={userId} initiallyOpen={asked} />
        </Suspense>
      ) : (
        <SmallIndicator online={online} onOpen={() => setAsked(true)} />
      )}
    </>
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
