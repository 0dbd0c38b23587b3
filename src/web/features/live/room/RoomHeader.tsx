import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useRouteExists } from '../use-route-exists.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import type { Connection } from './use-live-room.ts';

/** Back to the lesson (or to the course while the app has no lesson page). */
export function useBackTo(lessonId: string, courseId: string | undefined): { to: string; label: 'live.room.back' | 'live.room.backToCourse' } {
  const lessonPath = `/lessons/${encodeURIComponent(lessonId)}`;
  const hasLessonPage = useRouteExists(lessonPath);
  return hasLessonPage || !courseId ? { to: lessonPath, label: 'live.room.back' } : { to: `/courses/${encodeURIComponent(courseId)}`, label: 'live.room.backToCourse' };
}

export function RoomHeader({ lessonId, courseId, title, connection, children }: { lessonId: string; courseId: string | undefined; title: string; connection: Connection; children?: ReactNode }) {
  const { t } = useTranslation();
  const back = useBackTo(lessonId, courseId);
  return (
    <div className="room-header">
      <div className="room-header-main">
        <BackLink to={back.to}>{t(back.label)}</BackLink>
        <div className="room-kicker-row">
          <p className="room-kicker">{t('live.room.kicker')}</p>
          <ConnectionStatus connection={connection} />
        </div>
        <PageTitle title={title || t('live.room.kicker')} className="room-title" />
      </div>
      {children ? <div className="room-header-side">{children}</div> : null}
    </div>
  );
}
