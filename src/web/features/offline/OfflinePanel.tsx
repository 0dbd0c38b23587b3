import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../account/use-format.ts';
import { learningError } from '../activities/learning-errors.ts';
import { removeLessonOffline, savedLessons, type SavedLesson } from './offline-cache.ts';
import { offlineQueue, type QueueEntry } from './queue.ts';
import { serviceWorkerUpdate } from './register.ts';
import { formatBytes } from './sizes.ts';
import type { Connectivity } from './use-connectivity.ts';
import { useSavedVersion } from './use-connectivity.ts';

/** The activity's title as the app last saw it (its page, or a lesson saved for offline). */
function useActivityTitle(): (activityId: string) => string | null {
  const queryClient = useQueryClient();
  return (activityId) => {
    const activity: unknown = queryClient.getQueryData(['activities', 'detail', activityId]);
    return typeof activity === 'object' && activity !== null && 'title' in activity && typeof activity.title === 'string' ? activity.title : null;
  };
}

function EntryRow({ entry, title }: { entry: QueueEntry; title: string }) {
  const { t } = useTranslation();
  const link = `/activities/${encodeURIComponent(entry.activityId)}`;
  if (entry.state === 'conflict') {
    return (
      <li className="offline-entry offline-entry-conflict">
        <p className="offline-entry-title">{title}</p>
        <p className="offline-entry-note">{t('offline.panel.conflictBody')}</p>
        <Link className="btn btn-secondary" to={link}>
          {t('offline.panel.open')}
        </Link>
      </li>
    );
  }
  if (entry.state === 'failed') {
    const reason = learningError(t, new ApiError(entry.error?.status ?? 400, entry.error?.code ?? 'http_error', ''));
    return (
      <li className="offline-entry offline-entry-failed">
        <p className="offline-entry-title">
          {title} · {entry.kind === 'submit' ? t('offline.panel.submit') : t('offline.panel.save')}
        </p>
        <p className="offline-entry-note">{t('offline.panel.failed', { reason })}</p>
        <div className="button-row">
          <Link className="btn btn-secondary" to={link}>
            {t('offline.panel.open')}
          </Link>
          <Button variant="ghost" onClick={() => entry.seq !== undefined && void offlineQueue.dismiss(entry.seq)}>
            {t('offline.panel.dismiss')}
          </Button>
        </div>
      </li>
    );
  }
  return (
    <li className="offline-entry">
      <Link to={link} className="offline-entry-link">
        {title}
      </Link>
      <span className="offline-entry-kind">{entry.kind === 'submit' ? t('offline.panel.submit') : t('offline.panel.save')}</span>
    </li>
  );
}

/** What is waiting, what needs a decision, what is saved on the device; and a waiting update. */
export function OfflinePanel({ state, userId, onClose }: { state: Connectivity; userId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const titleId = useId();
  const titleOf = useActivityTitle();
  const version = useSavedVersion();
  const [saved, setSaved] = useState<SavedLesson[]>([]);
  const [used, setUsed] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void savedLessons(userId).then((list) => live && setSaved(list), () => undefined);
    void navigator.storage?.estimate?.().then((estimate) => live && setUsed(estimate.usage ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, [userId, version]);

  const name = (entry: QueueEntry) => titleOf(entry.activityId) ?? t('offline.panel.unknownActivity');
  const pending = state.entries.filter((entry) => entry.state === 'pending');
  const attention = state.entries.filter((entry) => entry.state !== 'pending');

  return (
    <section className="offline-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="offline-panel-title">
        {t('offline.panel.title')}
      </h2>
      <p className={state.online ? 'offline-panel-state' : 'offline-panel-state offline-panel-state-off'}>{state.online ? t('offline.panel.online') : t('offline.panel.offline')}</p>

      {state.updateReady ? (
        <div className="offline-update">
          <p>{t('offline.panel.updateReady')}</p>
          <Button variant="primary" onClick={() => serviceWorkerUpdate.apply()}>
            {t('offline.panel.reload')}
          </Button>
        </div>
      ) : null}

      {attention.length > 0 ? (
        <>
          <h3 className="offline-panel-subtitle">{attention.some((entry) => entry.state === 'conflict') ? t('offline.panel.conflictTitle') : t('offline.panel.failedTitle')}</h3>
          <ul className="offline-entries">
            {attention.map((entry) => (
              <EntryRow key={entry.seq} entry={entry} title={name(entry)} />
            ))}
          </ul>
        </>
      ) : null}

      {pending.length > 0 ? (
        <>
          <h3 className="offline-panel-subtitle">{t('offline.panel.pendingTitle')}</h3>
          <ul className="offline-entries">
            {pending.map((entry) => (
              <EntryRow key={entry.seq} entry={entry} title={name(entry)} />
            ))}
          </ul>
          {state.online ? (
            <Button icon="refresh" busy={state.syncing} onClick={() => void offlineQueue.drain()}>
              {t('offline.panel.sendNow')}
            </Button>
          ) : null}
        </>
      ) : null}

      <h3 className="offline-panel-subtitle">{t('offline.panel.savedTitle')}</h3>
      {saved.length === 0 ? (
        <p className="muted">{t('offline.panel.savedNone')}</p>
      ) : (
        <ul className="offline-entries">
          {saved.map((lesson) => (
            <li key={lesson.key} className="offline-entry">
              <div className="offline-entry-main">
                <Link to={`/lessons/${encodeURIComponent(lesson.lessonId)}`} className="offline-entry-link">
                  {lesson.title}
                </Link>
                <span className="offline-entry-note">
                  {lesson.auto ? `${t('offline.panel.savedAuto')} · ` : ''}
                  {format.dateTime(lesson.savedAt)} · {formatBytes(lesson.bytes, locale)}
                </span>
              </div>
              <Button variant="ghost" onClick={() => void removeLessonOffline(userId, lesson.lessonId)}>
                {t('offline.panel.remove')}
                <span className="visually-hidden">: {lesson.title}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {used !== null ? <p className="muted offline-panel-storage">{t('offline.panel.storage', { used: formatBytes(used, locale) })}</p> : null}
      <Button variant="ghost" icon="close" onClick={onClose} className="offline-panel-close">
        {t('offline.panel.close')}
      </Button>
    </section>
  );
}
