import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { useFormat } from '../../account/use-format.ts';
import { LiveIcon } from '../LiveIcon.tsx';
import { useRoom } from './room-context.tsx';

/** Teachers: raised hands in the order they went up; take the next, mark one done. */
export function HelpQueueCard() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const format = useFormat();
  const waiting = view.hands.filter((h) => !h.helping).length;
  return (
    <Card
      className="room-card help-card"
      title={
        <span className="title-with-icon">
          <LiveIcon name="hand" size={20} />
          {t('live.help.title')}
        </span>
      }
      description={t('live.help.waiting', { count: waiting })}
      actions={
        <Button variant="primary" onClick={() => void act({ type: 'help.next' })} disabled={waiting === 0}>
          {t('live.help.next')}
        </Button>
      }
    >
      {view.hands.length === 0 ? (
        <p className="muted room-empty">{t('live.help.none')}</p>
      ) : (
        <ol className="hand-list">
          {view.hands.map((hand, i) => (
            <li key={hand.id} className={hand.helping ? 'hand hand-helping' : 'hand'}>
              <span className="hand-place" aria-hidden="true">
                {i + 1}
              </span>
              <div className="hand-body">
                <p className="hand-name">
                  {hand.name ?? t('live.help.someone')}
                  {hand.helping ? <Badge tone="primary">{t('live.help.helping')}</Badge> : null}
                </p>
                {hand.note ? <p className="hand-note">{hand.note}</p> : null}
                <p className="muted hand-time">{t('live.help.raisedAt', { time: format.timeIn(format.timeZone, hand.raisedAt) })}</p>
              </div>
              <Button
                variant={hand.helping ? 'primary' : 'secondary'}
                icon="check"
                onClick={() => void act({ type: 'help.resolve', handId: hand.id })}
                aria-label={t('live.help.resolveFor', { name: hand.name ?? '' })}
              >
                {t('live.help.resolve')}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
