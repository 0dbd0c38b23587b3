import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizItemResult, QuizItemView } from '../../../../shared/schemas/activities.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { ActivityOf } from '../activity-types.ts';
import { ConflictPanel } from '../autosave/ConflictPanel.tsx';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';
import { learningError } from '../learning-errors.ts';
import { toggleIndex } from './ChecklistTask.tsx';
import { parseNumber } from './quiz-answers.ts';

/** One answer as the form holds it; numeric answers stay text while typed ("3," on the way to "3,5"). */
type Answer = number | number[] | string | null;
type QuizState = { answers: Answer[] };

function decodeAnswer(item: QuizItemView, raw: unknown): Answer {
  switch (item.kind) {
    case 'single':
      return Number.isInteger(raw) ? (raw as number) : null;
    case 'multiple':
      return Array.isArray(raw) ? raw.filter((v): v is number => Number.isInteger(v)) : [];
    case 'text':
      return typeof raw === 'string' ? raw : '';
    case 'numeric':
      return typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  }
}

function encodeAnswer(item: QuizItemView, answer: Answer): number | number[] | string | null {
  switch (item.kind) {
    case 'single':
      return typeof answer === 'number' ? answer : null;
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0 ? answer : null;
    case 'text':
      return typeof answer === 'string' && answer.trim() ? answer : null;
    case 'numeric':
      return typeof answer === 'string' ? parseNumber(answer) : null;
  }
}

/** The right answer, as a sentence a student can read. */
function rightAnswer(item: QuizItemView, answer: QuizItemResult['answer']): string | null {
  if (answer === undefined) return null;
  if (typeof answer === 'number') return item.choices?.[answer] ?? null;
  if (Array.isArray(answer)) return answer.map((a) => (typeof a === 'number' ? (item.choices?.[a] ?? '') : a)).join(' · ');
  return answer.tolerance ? `${answer.value} ± ${answer.tolerance}` : String(answer.value);
}

function ItemField({ item, index, answer, onChange, disabled, result }: { item: QuizItemView; index: number; answer: Answer; onChange: (answer: Answer) => void; disabled: boolean; result?: QuizItemResult | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const right = result ? rightAnswer(item, result.answer) : null;
  return (
    <fieldset className={['quiz-item', result ? (result.correct ? 'quiz-item-right' : 'quiz-item-wrong') : ''].join(' ')} disabled={disabled}>
      <legend className="quiz-prompt">
        <span className="quiz-number">{t('activity.quiz.itemNumber', { n: index + 1 })}</span> {item.prompt}
      </legend>
      {item.kind === 'single' || item.kind === 'multiple'
        ? (item.choices ?? []).map((choice, c) => (
            <label key={c} className="check-row" htmlFor={`${id}-${c}`}>
              <input
                id={`${id}-${c}`}
                type={item.kind === 'single' ? 'radio' : 'checkbox'}
                name={id}
                className="check-input"
                checked={item.kind === 'single' ? answer === c : Array.isArray(answer) && answer.includes(c)}
                onChange={(event) => onChange(item.kind === 'single' ? c : toggleIndex(Array.isArray(answer) ? answer : [], c, event.target.checked))}
              />
              <span>{choice}</span>
            </label>
          ))
        : (
            <label className="field" htmlFor={`${id}-input`}>
              <span className="field-label">{item.kind === 'numeric' ? t('activity.quiz.numberLabel') : t('activity.quiz.textLabel')}</span>
              <input
                id={`${id}-input`}
                className="input"
                type="text"
                inputMode={item.kind === 'numeric' ? 'decimal' : 'text'}
                autoComplete="off"
                value={typeof answer === 'string' ? answer : ''}
                onChange={(event) => onChange(event.target.value)}
              />
            </label>
          )}
      {result ? (
        <p className={result.correct ? 'quiz-verdict quiz-verdict-right' : 'quiz-verdict quiz-verdict-wrong'}>
          <Icon name={result.correct ? 'check' : 'close'} size={18} />
          {result.correct ? t('activity.quiz.right') : t('activity.quiz.wrong')}
          {!result.correct && right ? <span> {t('activity.quiz.rightAnswer', { answer: right })}</span> : null}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Auto-graded quiz: answers autosave, submit shows the score, attempts are counted. */
export function QuizTask({ activity, userId, locked }: { activity: ActivityOf<'quiz'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const items = activity.content.items;
  const decode = (body: Record<string, unknown>): QuizState => {
    const raw = Array.isArray(body.answers) ? body.answers : [];
    return { answers: items.map((item, i) => decodeAnswer(item, raw[i])) };
  };
  const encode = (value: QuizState) => ({ answers: items.map((item, i) => encodeAnswer(item, value.answers[i] ?? null)) });
  const draft = useResponseDraft({ activity, userId, decode, encode });
  const response = activity.myResponse;
  const [retrying, setRetrying] = useState(false);

  const results = retrying ? null : (draft.lastResult?.items ?? response?.lastResult ?? null);
  const score = draft.lastResult?.score ?? response?.score ?? null;
  const maxScore = draft.lastResult?.maxScore ?? response?.maxScore ?? null;
  const remaining = response?.attemptsRemaining ?? null;
  const exhausted = remaining !== null && remaining <= 0;
  const showingResults = results !== null && (response?.attempts ?? 0) > 0;
  const unanswered = encode(draft.value).answers.filter((answer) => answer === null).length;

  return (
    <div className="task">
      {showingResults && score !== null && maxScore !== null ? (
        <div className="quiz-score" role="status">
          <p className="quiz-score-value">{t('activity.quiz.score', { score, max: maxScore })}</p>
          <p className="muted">
            {remaining === null ? t('activity.quiz.unlimited') : t('activity.quiz.attemptsLeft', { count: remaining })}
          </p>
        </div>
      ) : remaining !== null ? (
        <p className="muted">{t('activity.quiz.attemptsLeft', { count: remaining })}</p>
      ) : null}
      <form
        className="quiz"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await draft.submit();
          if (result) setRetrying(false);
        }}
      >
        {items.map((item, index) => (
          <ItemField
            key={item.id}
            item={item}
            index={index}
            answer={draft.value.answers[index] ?? null}
            disabled={locked || showingResults || exhausted}
            result={showingResults ? results.find((r) => r.itemId === item.id) : undefined}
            onChange={(answer) => draft.setValue((value) => ({ answers: value.answers.map((a, i) => (i === index ? answer : a)) }))}
          />
        ))}
        {showingResults ? null : <SaveStatus state={draft.state} error={draft.error} />}
        {draft.conflict ? (
          <ConflictPanel
            conflict={draft.conflict}
            render={(value) => <p>{t('activity.quiz.answeredCount', { count: value.answers.filter((a) => a !== null && a !== '' && !(Array.isArray(a) && a.length === 0)).length })}</p>}
            onKeepMine={draft.keepMine}
            onTakeTheirs={draft.takeTheirs}
          />
        ) : null}
        {draft.submitError ? <Alert tone="error">{learningError(t, draft.submitError)}</Alert> : null}
        <div className="task-actions">
          {showingResults ? (
            exhausted || locked ? null : (
              <Button icon="refresh" onClick={() => setRetrying(true)}>
                {t('activity.quiz.retry')}
              </Button>
            )
          ) : (
            <>
              {unanswered > 0 ? <p className="muted">{t('activity.quiz.unanswered', { count: unanswered })}</p> : null}
              <Button type="submit" variant="primary" icon="check" busy={draft.submitting} disabled={locked || exhausted || Boolean(draft.conflict)}>
                {t('activity.quiz.submit')}
              </Button>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
