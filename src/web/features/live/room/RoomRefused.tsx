import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProtocolError } from '../../../../shared/realtime/protocol.ts';
import type { LiveSession } from '../../../../shared/schemas/live.ts';
import { Button, buttonClass } from '../../../components/Button.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useFormat } from '../../account/use-format.ts';
import { liveRoomPath } from '../live-keys.ts';
import { useBackTo } from './RoomHeader.tsx';

type Heading = { title: string; courseId: string; role: 'teacher' | 'student' } | undefined;

/** Why the room did not let us in, and what to do: wait for it to open, see the summary, go back. */
export function RoomRefused({ lessonId, error, session, heading, onRetry }: { lessonId: string; error: ProtocolError; session: LiveSession | null; heading: Heading; onRetry: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const back = useBackTo(lessonId, heading?.courseId);
  const opensAt = session?.roomOpensAt;

  // Not open yet: try again by itself when it opens (and every minute, in case clocks differ).
  useEffect(() => {
    if (error.code !== 'room_not_open') return;
    const wait = opensAt ? Math.max(1000, Date.parse(opensAt) - Date.now() + 1000) : 60_000;
    const timer = window.setTimeout(onRetry, Math.min(wait, 60_000));
    return () => window.clearTimeout(timer);
  }, [error, opensAt, onRetry]);

  const title = heading?.title ?? t('live.room.kicker');
  const body =
    error.code === 'room_not_open' && opensAt
      ? t('live.refused.opensAt', { time: format.dateTime(opensAt) })
      : t(`live.errors.${error.code}`);

  return (
    <div className="container container-narrow">
      <PageTitle title={title} className="room-refused-title" />
      <EmptyState
        headingLevel={2}
        icon={error.code === 'room_not_open' ? 'clock' : 'info'}
        title={error.code === 'session_ended' ? t('live.refused.endedTitle') : error.code === 'room_not_open' ? t('live.refused.notOpenTitle') : t('live.refused.title')}
        actions={
          <>
            {error.code === 'session_ended' ? (
              <Link to={`${liveRoomPath(lessonId)}/summary`} className={buttonClass({ variant: 'primary' })}>
                <span>{heading?.role === 'teacher' ? t('live.refused.summary') : t('live.refused.catchUp')}</span>
              </Link>
            ) : null}
            {error.code === 'room_not_open' || error.code === 'internal' || error.code === 'rate_limited' ? (
              <Button variant="primary" icon="refresh" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            ) : null}
            {error.code === 'protocol_mismatch' || error.code === 'unauthenticated' ? (
              <Button variant="primary" icon="refresh" onClick={() => window.location.reload()}>
                {t('common.reload')}
              </Button>
            ) : null}
            <Link to={back.to} className={buttonClass({ variant: 'secondary' })}>
              <span>{t(back.label)}</span>
            </Link>
          </>
        }
      >
        <p>{body}</p>
      </EmptyState>
    </div>
  );
}
