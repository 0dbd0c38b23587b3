import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, StudentResponse } from '../../../../shared/schemas/activities.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useToast } from '../../../components/Toasts.tsx';
import { useFormat } from '../../account/use-format.ts';
import { useGiveFeedback, useStudentResponses } from '../activities-api.ts';
import { indices } from '../activity-types.ts';
import { learningError } from '../learning-errors.ts';
import { StatusBadge } from '../StatusBadge.tsx';

/** A student's answer in words, for the types whose answer is not already on the page. */
function AnswerSummary({ activity, body }: { activity: Activity; body: Record<string, unknown> }) {
  const { t } = useTranslation();
  switch (activity.type) {
    case 'reflection':
      return typeof body.text === 'string' && body.text ? <p className="pre-wrap response-text">{body.text}</p> : null;
    case 'quiz': {
      const answers = Array.isArray(body.answers) ? body.answers : [];
      return (
        <ol className="plain-list response-answers">
          {activity.content.items.map((item, index) => {
            const answer: unknown = answers[index];
            const text =
              answer === null || answer === undefined
                ? t('activity.responses.noAnswer')
                : typeof answer === 'number' && item.choices
                  ? (item.choices[answer] ?? String(answer))
                  : Array.isArray(answer)
                    ? answer.map((a) => (typeof a === 'number' ? (item.choices?.[a] ?? String(a)) : String(a))).join(' · ')
                    : String(answer);
            return (
              <li key={item.id}>
                <span className="muted">{item.prompt}</span> — {text}
              </li>
            );
          })}
        </ol>
      );
    }
    case 'poll':
      return typeof body.choice === 'number' ? <p>{activity.content.choices[body.choice] ?? ''}</p> : null;
    case 'checklist':
      return <p>{t('activity.checklist.progress', { done: indices(body.checked).length, total: activity.content.items.length })}</p>;
    case 'video': {
      const furthest = typeof body.furthestSeconds === 'number' ? body.furthestSeconds : 0;
      const duration = typeof body.durationSeconds === 'number' ? body.durationSeconds : activity.content.durationSeconds;
      return duration ? <p>{t('activity.video.watched', { percent: Math.min(100, Math.round((100 * furthest) / duration)) })}</p> : null;
    }
    default:
      return null;
  }
}

function FeedbackForm({ activityId, response }: { activityId: string; response: StudentResponse & { responseId: string } }) {
  const { t } = useTranslation();
  const toast = useToast();
  const give = useGiveFeedback(activityId);
  const [text, setText] = useState(response.feedback ?? '');
  const [score, setScore] = useState(response.score === null ? '' : String(response.score));
  const [maxScore, setMaxScore] = useState(response.maxScore === null ? '' : String(response.maxScore));
  const [error, setError] = useState<string | undefined>();
  const [scoreError, setScoreError] = useState<string | undefined>();
  // A quiz has its own maximum; anything else gets "out of" from the teacher.
  const fixedMax = response.maxScore !== null && response.score !== null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError(t('errors.field.required'));
    setError(undefined);
    const points = score.trim() === '' ? undefined : Number(score.replace(',', '.'));
    const outOf = maxScore.trim() === '' ? undefined : Number(maxScore.replace(',', '.'));
    if (points !== undefined && (!Number.isFinite(points) || points < 0 || (outOf !== undefined && points > outOf))) return setScoreError(t('activity.responses.scoreInvalid'));
    if (points !== undefined && !fixedMax && (outOf === undefined || !Number.isFinite(outOf) || outOf <= 0)) return setScoreError(t('activity.responses.maxRequired'));
    setScoreError(undefined);
    give.mutate(
      { responseId: response.responseId, text: text.trim(), ...(points !== undefined ? { score: points, ...(fixedMax ? {} : { maxScore: outOf }) } : {}) },
      { onSuccess: () => toast(t('activity.responses.feedbackSent', { name: response.name })), onError: (caught) => setError(learningError(t, caught)) },
    );
  }

  return (
    <form className="form feedback-form" onSubmit={onSubmit} noValidate>
      <TextAreaField
        label={t('activity.responses.feedbackFor', { name: response.name })}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={3}
        maxLength={20_000}
        error={error}
        hint={t('activity.responses.feedbackHint')}
      />
      <div className="field-grid">
        <TextField label={t('activity.responses.scoreLabel')} inputMode="decimal" value={score} onChange={(event) => setScore(event.target.value)} error={scoreError} hint={t('activity.responses.scoreHint')} />
        {fixedMax ? null : <TextField label={t('activity.responses.maxLabel')} inputMode="decimal" value={maxScore} onChange={(event) => setMaxScore(event.target.value)} />}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={give.isPending}>
          {response.feedback ? t('activity.responses.updateFeedback') : t('activity.responses.sendFeedback')}
        </Button>
      </div>
    </form>
  );
}

/** For teachers: every student of the course, what they did and when, and a place for feedback. */
export function ResponsesPanel({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useStudentResponses(activity.id);
  const responses = query.data ?? [];
  const done = responses.filter((response) => response.status === 'done').length;

  return (
    <Card title={t('activity.responses.title')} description={query.isSuccess ? t('activity.responses.summary', { done, count: responses.length }) : undefined} className="responses-card">
      {query.isPending ? <Loading /> : null}
      {query.isError ? <Alert tone="error">{learningError(t, query.error)}</Alert> : null}
      {query.isSuccess && responses.length === 0 ? (
        <EmptyState icon="users" title={t('activity.responses.noStudents')}>
          <p>{t('activity.responses.noStudentsBody')}</p>
        </EmptyState>
      ) : null}
      <ul className="response-list">
        {responses.map((response) => (
          <li key={response.userId} className="response-item">
            <details>
              <summary className="response-summary">
                <span className="response-name">{response.name}</span>
                <span className="response-badges">
                  <StatusBadge status={response.status} />
                  {response.late ? <Badge tone="warning">{t('learning.status.late')}</Badge> : null}
                  {response.score !== null && response.maxScore !== null ? <Badge>{t('activity.responses.score', { score: response.score, max: response.maxScore })}</Badge> : null}
                  {response.feedback ? <Badge tone="primary">{t('activity.responses.hasFeedback')}</Badge> : null}
                </span>
                <span className="response-when muted">
                  {response.submittedAt
                    ? t('activity.responses.submittedAt', { when: format.dateTime(response.submittedAt) })
                    : response.updatedAt
                      ? t('activity.responses.updatedAt', { when: format.dateTime(response.updatedAt) })
                      : t('activity.responses.nothingYet')}
                </span>
              </summary>
              <div className="response-detail">
                {response.body ? <AnswerSummary activity={activity} body={response.body} /> : null}
                {response.attempts > 1 ? <p className="muted">{t('activity.responses.attempts', { count: response.attempts })}</p> : null}
                {response.responseId ? (
                  <FeedbackForm activityId={activity.id} response={{ ...response, responseId: response.responseId }} />
                ) : (
                  <p className="muted">{t('activity.responses.feedbackLater')}</p>
                )}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
