import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert.tsx';
import { buttonClass } from '../../../components/Button.tsx';
import { liveRoomPath } from '../live-keys.ts';
import { useAnnounce } from './Announcer.tsx';
import { ChatCard } from './ChatCard.tsx';
import { Countdown } from './Countdown.tsx';
import { HandCard } from './HandCard.tsx';
import { MyGroupCard } from './MyGroupCard.tsx';
import { QuestionsCard } from './QuestionsCard.tsx';
import { RoomHeader } from './RoomHeader.tsx';
import { StudentPollCard } from './StudentPoll.tsx';
import { StudentStepCard } from './StudentStepCard.tsx';
import { VideoCard } from './VideoCard.tsx';
import { useRoom } from './room-context.tsx';
import type { Connection } from './use-live-room.ts';

/**
 * The student's room, phone first: one column, what needs an answer on top (group, poll), and a
 * bar of jump links so the step, the poll, the hand and the questions are one tap away.
 */
export function StudentRoom({ title, courseId, connection }: { title: string; courseId: string | undefined; connection: Connection }) {
  const { t } = useTranslation();
  const { view, lessonId, session } = useRoom();
  const announce = useAnnounce();
  const onTimeUp = useCallback(() => announce(t('live.announce.timerEnded')), [announce, t]);
  const inGroup = Boolean(view.me.groupId && view.groups);
  const ended = view.status === 'ended';
  const jumps = [
    ...(inGroup ? [{ id: 'room-group', label: t('live.jump.group') }] : []),
    ...(view.poll ? [{ id: 'room-poll', label: t('live.jump.poll'), hot: view.poll.status === 'open' && !view.me.pollAnswer }] : []),
    { id: 'room-step', label: t('live.jump.step') },
    { id: 'room-hand', label: view.me.hand ? t('live.jump.handUp') : t('live.jump.hand') },
    { id: 'room-questions', label: t('live.jump.questions') },
    { id: 'room-chat', label: t('live.jump.chat') },
  ];

  return (
    <div className="container room room-student">
      <RoomHeader lessonId={lessonId} courseId={courseId} title={title} connection={connection}>
        {view.timer ? <Countdown endsAt={view.timer.endsAt} label={t('live.timer.left')} onEnd={onTimeUp} /> : null}
      </RoomHeader>
      {ended ? (
        <Alert
          tone="info"
          title={t('live.room.endedTitle')}
          action={
            <Link to={`${liveRoomPath(lessonId)}/summary`} className={buttonClass({ variant: 'secondary' })}>
              <span>{t('live.room.afterClass')}</span>
            </Link>
          }
        >
          {t('live.room.endedStudent')}
        </Alert>
      ) : (
        <nav className="room-jump" aria-label={t('live.jump.label')}>
          <ul>
            {jumps.map((jump) => (
              <li key={jump.id}>
                <a href={`#${jump.id}`} className={'hot' in jump && jump.hot ? 'room-jump-link room-jump-hot' : 'room-jump-link'}>
                  {jump.label}
                  {'hot' in jump && jump.hot ? <span className="visually-hidden"> {t('live.jump.needsAnswer')}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="room-student-body stack">
        {inGroup ? <MyGroupCard id="room-group" onTimeUp={onTimeUp} /> : null}
        {view.poll ? (
          <div id="room-poll" className="room-anchor">
            <StudentPollCard />
          </div>
        ) : null}
        <StudentStepCard id="room-step" />
        {ended ? null : <HandCard id="room-hand" />}
        <QuestionsCard id="room-questions" />
        {session ? <VideoCard id="room-video" /> : null}
        <ChatCard id="room-chat" messages={view.chat} />
      </div>
    </div>
  );
}
