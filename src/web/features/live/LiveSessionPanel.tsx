import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LessonLiveSession } from '../../../shared/schemas/lessons.ts';
import { LiveSession } from '../../../shared/schemas/live.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button, buttonClass } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { timeZoneLabel } from '../../lib/format.ts';
import { useFormat } from '../account/use-format.ts';
import { LiveIcon } from './LiveIcon.tsx';
import { LivePlace } from './LivePlace.tsx';
import { LiveScheduleForm } from './LiveScheduleForm.tsx';
import { LiveZonesTable } from './LiveZonesTable.tsx';
import { useCancelLive, useLiveSession } from './live-api.ts';
import { liveRoomPath } from './live-keys.ts';
import { useRoomPhase } from './use-room-phase.ts';
import { useRouteExists } from './use-route-exists.ts';
import '../../styles/live.css';

type Props = { lessonId: string; live: LiveSession | LessonLiveSession | null; role: 'teacher' | 'student' };

/**
 * The lesson page's live-session section: when (in the viewer's zone and language) and where;
 * for students a card that turns into a Join button when the room opens; for teachers the
 * schedule form, cancel, the room, the local time per student zone and the summary.
 */
export function LiveSessionPanel({ lessonId, live, role }: Props) {
  const { t } = useTranslation();
  // The lesson page may hand over only the promised fields; then the full session is fetched.
  const initial = live === null ? null : (LiveSession.safeParse(live).data ?? undefined);
  const query = useLiveSession(lessonId, initial);
  const [editing, setEditing] = useState(false);
  const session = query.data ?? null;
  const teacher = role === 'teacher';

  return (
    <Card className="live-panel" headingLevel={3} title={t('live.panel.title')} description={teacher ? t('live.panel.teacherLede') : undefined}>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : editing && teacher ? (
        <LiveScheduleForm lessonId={lessonId} session={session} onDone={() => setEditing(false)} />
      ) : session ? (
        <>
          <LiveWhen session={session} />
          <LivePlace place={session} />
          {teacher ? <TeacherActions lessonId={lessonId} session={session} onEdit={() => setEditing(true)} /> : <StudentJoin lessonId={lessonId} session={session} />}
        </>
      ) : teacher ? (
        <div className="live-empty">
          <p className="muted">{t('live.panel.noneTeacher')}</p>
          <Button variant="primary" onClick={() => setEditing(true)}>
            <LiveIcon name="calendar" size={18} />
            {t('live.panel.schedule')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('live.panel.noneStudent')}</p>
      )}
    </Card>
  );
}

function LiveWhen({ session }: { session: LiveSession }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cancelled = session.status === 'cancelled';
  return (
    <div className="live-when">
      <LiveIcon name="calendar" size={22} />
      <div>
        <p className={cancelled ? 'live-when-time live-cancelled' : 'live-when-time'}>
          {t('live.panel.when', { start: format.dateTime(session.startsAt), end: format.timeIn(format.timeZone, session.endsAt) })}
          {cancelled ? (
            <>
              {' '}
              <Badge tone="warning">{t('live.panel.cancelledBadge')}</Badge>
            </>
          ) : null}
        </p>
        <p className="muted live-when-zone">
          {t('live.panel.zoneNote', { zone: timeZoneLabel(format.timeZone), count: session.durationMinutes })}
          {session.timeZone !== format.timeZone ? (
            <>
              {' · '}
              {t('live.panel.plannedIn', { time: format.timeIn(session.timeZone, session.startsAt), zone: timeZoneLabel(session.timeZone) })}
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}

function StudentJoin({ lessonId, session }: { lessonId: string; session: LiveSession }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phase = useRoomPhase(session);
  return (
    <div className="live-student-status" aria-live="polite">
      {phase === 'open' ? (
        <Link to={liveRoomPath(lessonId)} className={buttonClass({ variant: 'primary', size: 'lg', block: true }, 'live-join-button')}>
          <LiveIcon name="video" size={20} />
          <span>{t('live.join.action')}</span>
        </Link>
      ) : phase === 'upcoming' ? (
        <p className="live-opens">
          <LiveIcon name="timer" size={18} />
          {t('live.join.opensAt', { time: format.dateTime(session.roomOpensAt) })}
        </p>
      ) : phase === 'cancelled' ? (
        <Alert tone="info">{t('live.join.cancelled')}</Alert>
      ) : (
        <p className="muted">{t('live.join.over')}</p>
      )}
    </div>
  );
}

function TeacherActions({ lessonId, session, onEdit }: { lessonId: string; session: LiveSession; onEdit: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const cancel = useCancelLive(lessonId);
  const [confirm, setConfirm] = useState(false);
  const readinessPath = `/lessons/${encodeURIComponent(lessonId)}/readiness`;
  const hasReadiness = useRouteExists(readinessPath);
  const cancelled = session.status === 'cancelled';

  return (
    <>
      <div className="button-row live-panel-actions">
        {cancelled ? null : (
          <Link to={liveRoomPath(lessonId)} className={buttonClass({ variant: 'primary' })}>
            <LiveIcon name="video" size={18} />
            <span>{t('live.panel.openRoom')}</span>
          </Link>
        )}
        <Button icon="pencil" onClick={onEdit}>
          {cancelled ? t('live.panel.reschedule') : t('live.panel.edit')}
        </Button>
        {cancelled ? null : (
          <Button icon="close" variant="ghost" onClick={() => setConfirm(true)}>
            {t('live.panel.cancel')}
          </Button>
        )}
      </div>
      <ul className="live-links">
        {hasReadiness ? (
          <li>
            <Link to={readinessPath}>{t('live.panel.readiness')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${liveRoomPath(lessonId)}/summary`}>{t('live.panel.summary')}</Link>
        </li>
      </ul>
      <details className="live-zones">
        <summary>{t('live.zones.title')}</summary>
        <LiveZonesTable lessonId={lessonId} />
      </details>
      <ConfirmDialog
        open={confirm}
        tone="danger"
        title={t('live.panel.cancelTitle')}
        confirmLabel={t('live.panel.cancelConfirm')}
        busy={cancel.isPending}
        onCancel={() => setConfirm(false)}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setConfirm(false);
              toast(t('live.panel.cancelledToast'));
            },
            onError: (error) => toast(errorMessage(t, error), 'error'),
          })
        }
      >
        <p>{t('live.panel.cancelBody')}</p>
      </ConfirmDialog>
    </>
  );
}

