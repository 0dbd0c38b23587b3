import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepView } from '../../../../shared/realtime/protocol.ts';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { LiveIcon } from '../LiveIcon.tsx';
import { PollResults } from './PollResults.tsx';
import { useRoom } from './room-context.tsx';
import { useActivity } from './StepContent.tsx';

/** Teachers: open the current step as a poll, or one choice item of a live quiz. */
export function PollOpener({ step }: { step: StepView }) {
  const { t } = useTranslation();
  const { act, view } = useRoom();
  const activity = useActivity(step.type === 'quiz' ? step.activityId : undefined);
  const [item, setItem] = useState(0);
  const [busy, setBusy] = useState(false);
  const choiceItems =
    activity.data?.type === 'quiz'
      ? activity.data.content.items.map((it, index) => ({ index, prompt: it.prompt, kind: it.kind })).filter((it) => it.kind === 'single' || it.kind === 'multiple')
      : [];
  const isOpenHere = view.poll?.status === 'open' && view.poll.activityId === step.activityId;

  async function open() {
    setBusy(true);
    await act({ type: 'poll.open', activityId: step.activityId, ...(step.type === 'quiz' ? { itemIndex: item } : {}) });
    setBusy(false);
  }

  return (
    <div className="poll-opener">
      {step.type === 'quiz' && choiceItems.length > 0 ? (
        <SelectField label={t('live.poll.quizItem')} value={String(item)} onChange={(event) => setItem(Number(event.target.value))}>
          {choiceItems.map((it) => (
            <option key={it.index} value={it.index}>
              {t('live.poll.itemOption', { number: it.index + 1, prompt: it.prompt })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {isOpenHere ? (
        <p className="muted">{t('live.poll.openBelow')}</p>
      ) : (
        <Button variant="primary" onClick={() => void open()} busy={busy}>
          <LiveIcon name="chart" size={18} />
          {view.poll?.activityId === step.activityId && view.poll.itemIndex === (step.type === 'quiz' ? item : null)
            ? t('live.poll.reopen')
            : step.type === 'quiz'
              ? t('live.poll.openItem')
              : t('live.poll.open')}
        </Button>
      )}
    </div>
  );
}

/** The open (or last) poll: live results as a chart and a table, who answered, reveal and close. */
export function TeacherPollCard() {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const poll = view.poll;
  if (!poll) return null;
  const students = view.present.filter((m) => m.role === 'student').length;
  return (
    <Card
      className="room-card poll-card"
      title={
        <span className="title-with-icon">
          <LiveIcon name="chart" size={20} />
          {poll.kind === 'quiz' ? t('live.poll.quizTitle') : t('live.poll.title')}
        </span>
      }
      actions={
        <div className="badge-row">
          <Badge tone={poll.status === 'open' ? 'success' : 'neutral'}>{poll.status === 'open' ? t('live.poll.statusOpen') : t('live.poll.statusClosed')}</Badge>
          {poll.anonymous ? <Badge>{t('live.poll.anonymous')}</Badge> : null}
          {poll.revealed ? <Badge tone="primary">{t('live.poll.revealedBadge')}</Badge> : null}
        </div>
      }
    >
      <p className="poll-question" id="teacher-poll-question">
        {poll.question}
      </p>
      <p className="muted poll-progress">{t('live.poll.answeredOf', { count: poll.results?.total ?? 0, students })}</p>
      {poll.results ? <PollResults poll={{ question: poll.question, choices: poll.choices, counts: poll.results.counts, total: poll.results.total, correct: poll.correct }} /> : null}
      {poll.responses && poll.responses.length > 0 ? (
        <details className="poll-responses">
          <summary>{t('live.poll.whoAnswered')}</summary>
          <ul>
            {poll.responses.map((r) => (
              <li key={r.userId}>
                <span className="poll-responder">{r.name}</span> {r.choice.map((c) => poll.choices[c] ?? '?').join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="button-row room-actions">
        {!poll.revealed ? (
          <Button icon="eye" onClick={() => void act({ type: 'poll.reveal' })}>
            {t('live.poll.reveal')}
          </Button>
        ) : null}
        {poll.status === 'open' ? (
          <Button icon="close" onClick={() => void act({ type: 'poll.close' })}>
            {t('live.poll.close')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
