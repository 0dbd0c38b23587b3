import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { Countdown } from './Countdown.tsx';
import { useRoom } from './room-context.tsx';

const PRESETS = [1, 3, 5, 10];

/** Teachers: a countdown everyone sees. */
export function TimerCard() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const [minutes, setMinutes] = useState('');

  function custom(event: FormEvent) {
    event.preventDefault();
    const value = Number(minutes);
    if (value > 0) void act({ type: 'timer.start', seconds: Math.round(value * 60) });
  }

  return (
    <Card
      className="room-card timer-card"
      title={
        <span className="title-with-icon">
          <LiveIcon name="timer" size={20} />
          {t('live.timer.title')}
        </span>
      }
    >
      {view.timer ? (
        <div className="timer-running">
          <Countdown endsAt={view.timer.endsAt} label={t('live.timer.left')} large />
          <Button icon="close" onClick={() => void act({ type: 'timer.stop' })}>
            {t('live.timer.stop')}
          </Button>
        </div>
      ) : (
        <div className="timer-setup">
          <div className="button-row" role="group" aria-label={t('live.timer.presets')}>
            {PRESETS.map((m) => (
              <Button key={m} onClick={() => void act({ type: 'timer.start', seconds: m * 60 })}>
                {t('live.timer.minutes', { count: m })}
              </Button>
            ))}
          </div>
          <form className="inline-ask" onSubmit={custom}>
            <label htmlFor="timer-minutes" className="field-label">
              {t('live.timer.custom')}
            </label>
            <div className="inline-ask-row">
              <input id="timer-minutes" className="input" type="number" inputMode="decimal" min={0.5} max={240} step={0.5} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
              <Button type="submit" disabled={!(Number(minutes) > 0)}>
                {t('live.timer.start')}
              </Button>
            </div>
          </form>
        </div>
      )}
    </Card>
  );
}
