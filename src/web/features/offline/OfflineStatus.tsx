import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/Spinner.tsx';
import { usePopover } from '../../lib/use-popover.ts';
import { OfflineIcon } from './OfflineIcon.tsx';
import { useConnectivity, type Connectivity } from './use-connectivity.ts';
import { offlineQueue } from './queue.ts';

// Opened now and then: loaded when it is.
const OfflinePanel = lazy(() => import('./OfflinePanel.tsx').then((m) => ({ default: m.OfflinePanel })));

type Tone = 'online' | 'offline' | 'syncing' | 'attention';

function toneOf(state: Connectivity): Tone {
  if (!state.online) return 'offline';
  if (state.conflicts + state.failed > 0) return 'attention';
  if (state.syncing || state.pending > 0) return 'syncing';
  return 'online';
}

/**
 * Says what the rest of the app need not: announces going offline, coming back with changes to
 * send, everything sent, and a change that needs attention — each once, politely, never per
 * keystroke or per item.
 */
function useAnnouncement(state: Connectivity): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const previous = useRef<{ online: boolean; waiting: number; attention: number } | null>(null);
  const waiting = state.pending;
  const attention = state.conflicts + state.failed;
  useEffect(() => {
    const before = previous.current;
    previous.current = { online: state.online, waiting, attention };
    if (!before) return;
    if (before.online && !state.online) setMessage(t('offline.announce.offline'));
    else if (!before.online && state.online) setMessage(waiting > 0 ? t('offline.announce.sending', { count: waiting }) : t('offline.announce.online'));
    else if (attention > before.attention) setMessage(t('offline.announce.attention'));
    else if (state.online && before.waiting > 0 && waiting === 0) setMessage(t('offline.announce.sent'));
  }, [state.online, waiting, attention, t]);
  return message;
}

/** The header's connection indicator: online / offline / sending (N waiting), and its panel. */
export function OfflineStatus({ userId, initiallyOpen = false }: { userId: string; initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const state = useConnectivity();
  const announcement = useAnnouncement(state);
  const tone = toneOf(state);
  const { open, setOpen, rootRef, buttonRef, onBlur } = usePopover(initiallyOpen);
  const panelId = useId();

  // Loaded by a press on the small indicator (lazy.tsx): the focus moves onto this one.
  useEffect(() => {
    if (initiallyOpen) buttonRef.current?.focus();
  }, [initiallyOpen]);
  // Sends what waits (the page may have loaded this because something does).
  useEffect(() => {
    void offlineQueue.drain();
  }, [userId]);

  const words = [
    tone === 'offline' ? t('offline.status.offline') : tone === 'syncing' && state.syncing ? t('offline.status.syncing') : t('offline.status.online'),
    state.pending > 0 ? t('offline.status.waiting', { count: state.pending }) : null,
    state.conflicts + state.failed > 0 ? t('offline.status.attention', { count: state.conflicts + state.failed }) : null,
  ].filter((word): word is string => word !== null);
  const count = state.pending + state.conflicts + state.failed;

  return (
    <div
      className="offline-status"
      ref={rootRef}
      data-testid="connection-status"
      data-state={tone}
      data-pending={state.pending}
      onBlur={onBlur}
    >
      <button ref={buttonRef} type="button" className={`offline-pill offline-pill-${tone}`} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        {tone === 'syncing' && state.syncing ? <Spinner size={18} /> : <OfflineIcon name={tone === 'offline' ? 'cloudOff' : tone === 'syncing' ? 'sync' : 'cloud'} size={20} />}
        <span className="offline-pill-text" aria-hidden="true">
          {tone === 'online' ? t('offline.status.online') : tone === 'offline' ? t('offline.status.offline') : tone === 'attention' ? t('offline.status.attention', { count: state.conflicts + state.failed }) : state.syncing ? t('offline.status.syncing') : t('offline.status.waiting', { count: state.pending })}
        </span>
        {count > 0 ? (
          <span className="offline-pill-count" aria-hidden="true">
            {count}
          </span>
        ) : null}
        <span className="visually-hidden">
          {t('offline.status.label')}: {words.join(', ')}
        </span>
      </button>
      <div className="offline-popover" id={panelId} hidden={!open}>
        {open ? (
          <Suspense fallback={<Spinner size={20} />}>
            <OfflinePanel state={state} userId={userId} onClose={() => setOpen(false)} />
          </Suspense>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
