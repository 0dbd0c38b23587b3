import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { handPosition } from '../../../../shared/realtime/apply-event.ts';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { useRoom } from './room-context.tsx';

/** Students: raise a hand (with an optional note), see the place in the queue, lower it. */
export function HandCard({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const mine = view.me.hand;
  const entry = mine ? view.hands.find((h) => h.id === mine.id) : undefined;
  const place = handPosition(view);

  async function run(command: Parameters<typeof act>[0]) {
    setBusy(true);
    const ok = await act(command);
    setBusy(false);
    return ok;
  }

  async function raise(event: FormEvent) {
    event.preventDefault();
    const trimmed = note.trim();
    await run({ type: 'hand.raise', ...(trimmed ? { note: trimmed } : {}) });
  }

  return (
    <div id={id} className="room-anchor">
      <Card
        className={mine ? 'room-card hand-card hand-card-up' : 'room-card hand-card'}
        title={
          <span className="title-with-icon">
            <LiveIcon name="hand" size={20} />
            {t('live.hand.title')}
          </span>
        }
      >
        {mine ? (
          <div className="hand-status">
            <p className="hand-state">{entry?.helping ? t('live.hand.coming') : place ? t('live.hand.place', { count: place }) : t('live.hand.raised')}</p>
            {mine.note ? <p className="muted">{t('live.hand.yourNote', { note: mine.note })}</p> : null}
            <Button block onClick={() => void run({ type: 'hand.lower' })} busy={busy} disabled={view.status !== 'open'}>
              {t('live.hand.lower')}
            </Button>
          </div>
        ) : (
          <form className="hand-form" onSubmit={(event) => void raise(event)}>
            <label htmlFor={noteId} className="field-label">
              {t('live.hand.noteLabel')}
            </label>
            <input id={noteId} className="input" value={note} maxLength={280} onChange={(event) => setNote(event.target.value)} autoComplete="off" />
            <Button type="submit" variant="primary" block busy={busy} disabled={view.status !== 'open'}>
              <LiveIcon name="hand" size={18} />
              {t('live.hand.raise')}
            </Button>
          </form>
        )}
      </Card>
    </div>
  );
}
