import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { PollResults } from './PollResults.tsx';
import { useRoom } from './room-context.tsx';

/**
 * Students: the poll to answer. One tap answers a single-choice poll (tapping another choice
 * changes the answer while it is open); several choices are ticked, then sent.
 */
export function StudentPollCard() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const poll = view.poll;
  const mine = view.me.pollAnswer && poll && view.me.pollAnswer.pollId === poll.id ? view.me.pollAnswer.choice : null;
  const [ticked, setTicked] = useState<number[]>([]);
  const [busy, setBusy] = useState<number | 'send' | null>(null);
  const pollId = poll?.id;
  // A new poll starts with nothing ticked (or with the answer already sent, after a reload).
  useEffect(() => setTicked(mine ?? []), [pollId]);
  if (!poll) return null;
  const open = poll.status === 'open';

  async function answer(choice: number | number[], which: number | 'send') {
    if (!poll) return;
    setBusy(which);
    await act({ type: 'poll.answer', pollId: poll.id, choice });
    setBusy(null);
  }

  return (
    <Card
      className="room-card poll-card student-poll"
      title={
        <span className="title-with-icon">
          <LiveIcon name="chart" size={20} />
          {poll.kind === 'quiz' ? t('live.poll.quizTitle') : t('live.poll.title')}
        </span>
      }
      actions={
        <div className="badge-row">
          <Badge tone={open ? 'success' : 'neutral'}>{open ? t('live.poll.statusOpen') : t('live.poll.statusClosed')}</Badge>
          {poll.anonymous ? <Badge>{t('live.poll.anonymous')}</Badge> : null}
        </div>
      }
    >
      <fieldset className="poll-fieldset" disabled={!open}>
        <legend className="poll-question">{poll.question}</legend>
        {poll.multiple ? <p className="muted">{t('live.poll.pickSeveral')}</p> : null}
        <div className="poll-choices">
          {poll.choices.map((choice, i) => {
            const chosen = poll.multiple ? ticked.includes(i) : (mine?.includes(i) ?? false);
            const right = poll.correct?.includes(i) ?? false;
            return (
              <button
                key={i}
                type="button"
                className={['poll-choice', chosen ? 'poll-choice-chosen' : '', right ? 'poll-choice-right' : ''].filter(Boolean).join(' ')}
                aria-pressed={chosen}
                onClick={() => {
                  if (poll.multiple) setTicked((all) => (all.includes(i) ? all.filter((x) => x !== i) : [...all, i].sort((a, b) => a - b)));
                  else void answer(i, i);
                }}
              >
                <span className="poll-choice-mark" aria-hidden="true">
                  {chosen ? <Icon name="check" size={18} /> : null}
                </span>
                <span className="poll-choice-text">{choice}</span>
                {right ? <span className="badge badge-success">{t('live.poll.correct')}</span> : null}
              </button>
            );
          })}
        </div>
        {poll.multiple && open ? (
          <Button variant="primary" block onClick={() => void answer(ticked, 'send')} disabled={ticked.length === 0} busy={busy === 'send'}>
            {mine ? t('live.poll.changeAnswer') : t('live.poll.send')}
          </Button>
        ) : null}
      </fieldset>
      <p className="poll-status" aria-live="polite">
        {mine ? t('live.poll.answered') : open ? t('live.poll.notAnswered') : t('live.poll.closedNoAnswer')}
      </p>
      {poll.revealed && poll.results ? (
        <PollResults poll={{ question: poll.question, choices: poll.choices, counts: poll.results.counts, total: poll.results.total, correct: poll.correct }} chart={false} />
      ) : null}
    </Card>
  );
}
