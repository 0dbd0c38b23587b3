import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFormat } from '../account/use-format.ts';
import { useUser } from '../auth/session.ts';
import { OfflineIcon } from './OfflineIcon.tsx';
import { formatBytes } from './sizes.ts';
import { useOfflineLesson } from './use-offline-lesson.ts';
import '../../styles/offline.css';
import { useOnline } from './use-online.ts';

/**
 * "Make available offline" on a lesson, for its students: saves the lesson's pre-work and
 * post-work on the device (offline-cache.ts), shows when it was saved, refreshes or removes it,
 * and offers the lesson's uploaded videos separately (they are large).
 */
export function MakeAvailableOffline({ lesson }: { lesson: { id: string; role: 'teacher' | 'student' } }) {
  const user = useUser();
  if (lesson.role !== 'student') return null;
  return <OfflineLessonCard userId={user.id} lessonId={lesson.id} />;
}

function OfflineLessonCard({ userId, lessonId }: { userId: string; lessonId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const online = useOnline();
  const { state, save, remove } = useOfflineLesson(userId, lessonId);
  const [announce, setAnnounce] = useState('');
  const previous = useRef<boolean | null>(null);

  const saved = state.status === 'idle' || state.status === 'saving' ? state.saved : null;
  useEffect(() => {
    const isSaved = saved !== null;
    if (previous.current !== null && previous.current !== isSaved) setAnnounce(isSaved ? t('offline.lesson.saved') : t('offline.lesson.removed'));
    previous.current = isSaved;
  }, [saved, t]);

  if (state.status === 'unsupported' || state.status === 'loading') return null;
  const saving = state.status === 'saving';
  const videosLeft = (saved?.videos ?? []).filter((video) => !video.saved);
  const videoBytes = videosLeft.reduce((sum, video) => sum + (video.bytes ?? 0), 0);
  const error = state.status === 'idle' ? state.error : undefined;

  return (
    <section className="offline-lesson" aria-label={t('offline.lesson.make')} data-testid="offline-lesson" data-saved={saved ? 'yes' : 'no'}>
      {saved ? (
        <>
          <p className="offline-lesson-state">
            <OfflineIcon name="deviceCheck" size={20} />
            <span>{t('offline.lesson.saved')}</span>
          </p>
          <p className="muted offline-lesson-note">{t('offline.lesson.savedAt', { when: format.dateTime(saved.savedAt) })}</p>
        </>
      ) : (
        <p className="muted offline-lesson-note">{online ? t('offline.lesson.hint') : t('offline.lesson.needsConnection')}</p>
      )}
      <div className="button-row">
        {saved ? (
          <>
            <button type="button" className={buttonClass({ variant: 'secondary' })} disabled={saving || !online} aria-busy={saving || undefined} onClick={() => void save()}>
              {saving ? <Spinner size={18} /> : <OfflineIcon name="sync" size={18} />}
              <span>{saving ? t('offline.lesson.saving') : t('offline.lesson.refresh')}</span>
            </button>
            {videosLeft.length > 0 ? (
              <button type="button" className={buttonClass({ variant: 'secondary' })} disabled={saving || !online} onClick={() => void save({ videos: true })}>
                <OfflineIcon name="download" size={18} />
                <span>{t('offline.lesson.videos', { count: videosLeft.length, size: formatBytes(videoBytes, locale) })}</span>
              </button>
            ) : null}
            <button type="button" className={buttonClass({ variant: 'ghost' })} disabled={saving} onClick={() => void remove()}>
              <span>{t('offline.lesson.remove')}</span>
            </button>
          </>
        ) : (
          <button type="button" className={buttonClass({ variant: 'secondary' })} disabled={saving || !online} aria-busy={saving || undefined} onClick={() => void save()}>
            {saving ? <Spinner size={18} /> : <OfflineIcon name="download" size={18} />}
            <span>{saving ? t('offline.lesson.saving') : t('offline.lesson.make')}</span>
          </button>
        )}
      </div>
      {error === 'failed' ? <Alert tone="error">{t('offline.lesson.error')}</Alert> : null}
      {error && error !== 'failed' ? (
        <Alert tone="error">{t('offline.lesson.overBudget', { size: formatBytes(error.overBudget.needed, locale), left: formatBytes(error.overBudget.available, locale) })}</Alert>
      ) : null}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </section>
  );
}
