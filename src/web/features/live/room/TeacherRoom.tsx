import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert.tsx';
import { Button, buttonClass } from '../../../components/Button.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { Link } from 'react-router';
import { LiveIcon } from '../LiveIcon.tsx';
import { liveRoomPath } from '../live-keys.ts';
import { AttendanceCard } from './AttendanceCard.tsx';
import { ChatCard } from './ChatCard.tsx';
import { GroupsCard } from './GroupsCard.tsx';
import { HelpQueueCard } from './HelpQueueCard.tsx';
import { QuestionsCard } from './QuestionsCard.tsx';
import { RoomHeader } from './RoomHeader.tsx';
import { RunSheetCard } from './RunSheetCard.tsx';
import { TeacherPollCard } from './TeacherPoll.tsx';
import { TimerCard } from './TimerCard.tsx';
import { VideoCard } from './VideoCard.tsx';
import { useRoom } from './room-context.tsx';
import type { Connection } from './use-live-room.ts';

/** The teacher's room: run the session on the left, watch the class on the right. */
export function TeacherRoom({ title, courseId, connection }: { title: string; courseId: string | undefined; connection: Connection }) {
  const { t } = useTranslation();
  const { view, act, lessonId } = useRoom();
  const navigate = useNavigate();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const summaryPath = `${liveRoomPath(lessonId)}/summary`;
  const ended = view.status === 'ended';
  const students = view.present.filter((m) => m.role === 'student').length;

  async function end() {
    setEnding(true);
    const ok = await act({ type: 'session.end' });
    setEnding(false);
    setConfirmEnd(false);
    if (ok) void navigate(summaryPath);
  }

  return (
    <div className="container room room-teacher">
      <RoomHeader lessonId={lessonId} courseId={courseId} title={title} connection={connection}>
        <p className="room-count">
          <LiveIcon name="users" size={18} />
          {t('live.room.studentsHere', { count: students })}
        </p>
        <Link to={`/lessons/${encodeURIComponent(lessonId)}/readiness`} className={buttonClass({ variant: 'secondary' })}>
          <span>{t('live.room.readiness')}</span>
        </Link>
        {ended ? (
          <Link to={summaryPath} className={buttonClass({ variant: 'primary' })}>
            <span>{t('live.room.summary')}</span>
          </Link>
        ) : (
          <Button variant="danger" onClick={() => setConfirmEnd(true)}>
            <LiveIcon name="stop" size={16} />
            {t('live.room.end')}
          </Button>
        )}
      </RoomHeader>
      {ended ? <Alert tone="info" title={t('live.room.endedTitle')}>{t('live.room.endedTeacher')}</Alert> : null}
      <div className="room-layout">
        <div className="room-main stack">
          <RunSheetCard />
          <TeacherPollCard />
          <QuestionsCard />
          <GroupsCard />
        </div>
        <div className="room-side stack">
          <AttendanceCard />
          <HelpQueueCard />
          <TimerCard />
          <VideoCard />
          <ChatCard messages={view.chat} />
        </div>
      </div>
      <ConfirmDialog
        open={confirmEnd}
        tone="danger"
        title={t('live.room.endTitle')}
        confirmLabel={t('live.room.end')}
        busy={ending}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => void end()}
      >
        <p>{t('live.room.endBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
