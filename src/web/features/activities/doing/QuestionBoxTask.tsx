import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../../components/Field.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useToast } from '../../../components/Toasts.tsx';
import type { ActivityOf } from '../activity-types.ts';
import { learningError } from '../learning-errors.ts';
import { useAskQuestion, useDeleteQuestion, useQuestions, useVote } from '../questions-api.ts';

/** "Bring a question": ask one (or more) before class, upvote classmates' — it feeds the live Q&A. */
export function QuestionBoxTask({ activity, locked, isTeacher }: { activity: ActivityOf<'question_box'>; locked: boolean; isTeacher: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const questions = useQuestions(activity.id);
  const ask = useAskQuestion(activity.id);
  const vote = useVote(activity.id);
  const remove = useDeleteQuestion(activity.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError(t('errors.field.required'));
    setError(undefined);
    ask.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        toast(t('activity.questions.asked'));
      },
      onError: (caught) => setError(learningError(t, caught)),
    });
  }

  const list = questions.data ?? [];
  return (
    <div className="task">
      <p className="task-prompt">{activity.content.prompt}</p>
      {locked ? null : (
        <form className="form inline-form" onSubmit={onSubmit} noValidate>
          <TextAreaField label={t('activity.questions.label')} value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={2000} error={error} hint={t('activity.questions.hint')} />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={ask.isPending}>
              {t('activity.questions.ask')}
            </Button>
          </div>
        </form>
      )}
      <h2 className="task-subtitle">{t('activity.questions.title', { count: list.length })}</h2>
      {questions.isPending ? <Loading /> : null}
      {questions.isError ? <Alert tone="error">{learningError(t, questions.error)}</Alert> : null}
      {vote.isError ? <Alert tone="error">{learningError(t, vote.error)}</Alert> : null}
      {questions.isSuccess && list.length === 0 ? <p className="muted">{t('activity.questions.none')}</p> : null}
      <ul className="question-list">
        {list.map((question) => (
          <li key={question.id} className="question">
            <Button
              className="vote-button"
              aria-pressed={question.votedByMe}
              aria-label={t('activity.questions.voteLabel', { count: question.votes })}
              disabled={vote.isPending}
              onClick={() => vote.mutate(question.id)}
            >
              {`▲ ${question.votes}`}
            </Button>
            <div className="question-body">
              <p className="pre-wrap">{question.text}</p>
              <p className="question-meta">
                {question.mine ? <Badge tone="primary">{t('activity.questions.mine')}</Badge> : null}
                {question.answered ? <Badge tone="success">{t('activity.questions.answered')}</Badge> : null}
                {isTeacher && question.askedBy ? <span className="muted">{question.askedBy.name}</span> : null}
              </p>
            </div>
            {question.mine || isTeacher ? (
              <Button variant="ghost" icon="trash" aria-label={t('activity.questions.deleteLabel')} onClick={() => setDeleting(question.id)} disabled={remove.isPending}>
                <span className="visually-hidden-phone">{t('activity.questions.delete')}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        tone="danger"
        title={t('activity.questions.deleteTitle')}
        confirmLabel={t('activity.questions.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting, { onSettled: () => setDeleting(null) });
        }}
      />
    </div>
  );
}
