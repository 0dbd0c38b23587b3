import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { byVotes } from './questions-order.ts';
import { useRoom } from './room-context.tsx';

/** Q&A: ask, upvote (students), mark answered (teachers). Pre-work questions arrive here too. */
export function QuestionsCard({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const teacher = view.me.role === 'teacher';
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const sorted = useMemo(() => byVotes(view.questions), [view.questions]);
  const voted = new Set(view.me.votedQuestionIds);
  const open = view.questions.filter((q) => !q.answered).length;

  async function ask(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    if (await act({ type: 'question.ask', text })) setText('');
    setBusy(false);
  }

  return (
    <div id={id} className="room-anchor">
      <Card
        className="room-card questions-card"
        title={
          <span className="title-with-icon">
            <LiveIcon name="message" size={20} />
            {t('live.questions.title')}
          </span>
        }
        description={t('live.questions.count', { count: open })}
      >
        {view.status === 'open' ? (
          <form className="inline-ask" onSubmit={(event) => void ask(event)}>
            <label htmlFor={inputId} className="field-label">
              {t('live.questions.askLabel')}
            </label>
            <div className="inline-ask-row">
              <input id={inputId} className="input" value={text} maxLength={1000} onChange={(event) => setText(event.target.value)} autoComplete="off" />
              <Button type="submit" variant="primary" busy={busy} disabled={!text.trim()}>
                {t('live.questions.ask')}
              </Button>
            </div>
          </form>
        ) : null}
        {sorted.length === 0 ? (
          <p className="muted room-empty">{t('live.questions.none')}</p>
        ) : (
          <ol className="question-list">
            {sorted.map((q) => {
              const mine = voted.has(q.id);
              return (
                <li key={q.id} className={q.answered ? 'question question-answered' : 'question'}>
                  <div className="question-body">
                    <p className="question-text">{q.text}</p>
                    <p className="question-meta">
                      {q.source === 'prework' ? <Badge tone="primary">{t('live.questions.prework')}</Badge> : null}
                      {q.answered ? (
                        <Badge tone="success">
                          <Icon name="check" size={14} /> {t('live.questions.answered')}
                        </Badge>
                      ) : null}
                      {teacher && q.authorName ? <span className="muted">{q.authorName}</span> : null}
                    </p>
                  </div>
                  <div className="question-actions">
                    <button
                      type="button"
                      className={mine ? 'vote-button vote-button-on' : 'vote-button'}
                      aria-pressed={mine}
                      aria-label={t('live.questions.upvote', { count: q.votes, text: q.text })}
                      onClick={() => void act({ type: 'question.vote', questionId: q.id })}
                      disabled={view.status !== 'open'}
                    >
                      <LiveIcon name="thumbUp" size={18} />
                      <span aria-hidden="true">{q.votes}</span>
                    </button>
                    {teacher ? (
                      <Button
                        variant="ghost"
                        onClick={() => void act({ type: 'question.answered', questionId: q.id, answered: !q.answered })}
                        aria-label={q.answered ? t('live.questions.reopenFor', { text: q.text }) : t('live.questions.markAnsweredFor', { text: q.text })}
                      >
                        {q.answered ? t('live.questions.reopen') : t('live.questions.markAnswered')}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}
