import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { ChatCard } from './ChatCard.tsx';
import { Countdown } from './Countdown.tsx';
import { groupName } from './group-name.ts';
import { useRoom } from './room-context.tsx';

/** Students in a breakout group: who is in it, the task, the time left, its video room and chat. */
export function MyGroupCard({ id, onTimeUp }: { id?: string; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const { view } = useRoom();
  const groups = view.groups;
  const group = groups?.groups.find((g) => g.id === view.me.groupId);
  if (!groups || !group) return null;
  const task = group.task || groups.task;
  return (
    <div id={id} className="room-anchor">
      <Card
        className="room-card my-group-card"
        title={
          <span className="title-with-icon">
            <LiveIcon name="users" size={20} />
            {t('live.myGroup.title', { name: groupName(t, group.name) })}
          </span>
        }
        description={t('live.myGroup.with', { names: group.members.filter((m) => m.userId !== view.me.userId).map((m) => m.name).join(', ') || '—' })}
      >
        <div className="stack stack-tight">
          {groups.endsAt ? <Countdown endsAt={groups.endsAt} label={t('live.groups.timeLeft')} onEnd={onTimeUp} large /> : null}
          {task ? (
            <div className="group-task-box">
              <h3 className="group-task-title">{t('live.myGroup.task')}</h3>
              <p className="group-task">{task}</p>
            </div>
          ) : null}
          {groups.broadcasts.length > 0 ? (
            <div className="broadcast-box">
              <h3 className="group-task-title">{t('live.myGroup.fromTeacher')}</h3>
              <ul className="broadcast-list">
                {groups.broadcasts.map((b) => (
                  <li key={b.at}>{b.text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <a className="btn btn-secondary btn-block" href={group.videoUrl} target="_blank" rel="noopener noreferrer">
            <LiveIcon name="video" size={18} />
            <span>
              {t('live.myGroup.video')}
              <span className="visually-hidden"> {t('live.place.newTab')}</span>
            </span>
          </a>
          <ChatCard scope="group" messages={group.chat} title={t('live.myGroup.chat')} />
        </div>
      </Card>
    </div>
  );
}
