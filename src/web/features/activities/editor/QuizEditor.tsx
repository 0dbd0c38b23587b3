import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { emptyQuizItem, type ContentDraft, type Errors, type QuizItemDraft, type QuizKind } from './form-state.ts';

type QuizDraft = Extract<ContentDraft, { type: 'quiz' }>;
const KINDS: QuizKind[] = ['single', 'multiple', 'text', 'numeric'];

function shiftAfterRemoval(indices: number[], removed: number): number[] {
  return indices.filter((i) => i !== removed).map((i) => (i > removed ? i - 1 : i));
}

function ItemEditor({ item, index, count, errors, onChange, onRemove, onMove }: { item: QuizItemDraft; index: number; count: number; errors: Errors; onChange: (item: QuizItemDraft) => void; onRemove: () => void; onMove: (by: -1 | 1) => void }) {
  const { t } = useTranslation();
  const path = `content.items.${index}`;
  const set = <K extends keyof QuizItemDraft>(key: K, value: QuizItemDraft[K]) => onChange({ ...item, [key]: value });
  const answerError = errors[`${path}.answer`] ?? errors[`${path}.answer.value`];
  return (
    <li className="quiz-editor-item">
      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t('editor.quiz.item', { n: index + 1 })}</legend>
        <div className="field-grid">
          <SelectField
            label={t('editor.quiz.kind')}
            value={item.kind}
            onChange={(event) => {
              const kind = KINDS.find((k) => k === event.target.value) ?? 'single';
              onChange({ ...item, kind, correct: kind === 'single' ? item.correct.slice(0, 1) : item.correct });
            }}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`editor.quiz.kinds.${kind}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField label={t('editor.quiz.prompt')} value={item.prompt} onChange={(event) => set('prompt', event.target.value)} rows={2} maxLength={4000} error={errors[`${path}.prompt`]} />
        {item.kind === 'single' || item.kind === 'multiple' ? (
          <>
            <ChoicesEditor
              choices={item.choices}
              path={`${path}.choices`}
              errors={errors}
              onChange={(choices, removed) => onChange({ ...item, choices, correct: removed === undefined ? item.correct : shiftAfterRemoval(item.correct, removed) })}
              correct={{ multiple: item.kind === 'multiple', indices: item.correct, onChange: (correct) => set('correct', correct) }}
            />
            {answerError ? (
              <p className="field-error" role="alert">
                <Icon name="alert" size={16} />
                <span>{answerError}</span>
              </p>
            ) : null}
          </>
        ) : item.kind === 'text' ? (
          <TextAreaField
            label={t('editor.quiz.accepted')}
            value={item.accepted}
            onChange={(event) => set('accepted', event.target.value)}
            rows={3}
            hint={t('editor.quiz.acceptedHint')}
            error={answerError}
          />
        ) : (
          <div className="field-grid">
            <TextField label={t('editor.quiz.value')} inputMode="decimal" value={item.value} onChange={(event) => set('value', event.target.value)} error={answerError} />
            <TextField
              label={t('editor.quiz.tolerance')}
              inputMode="decimal"
              value={item.tolerance}
              onChange={(event) => set('tolerance', event.target.value)}
              hint={t('editor.quiz.toleranceHint')}
              error={errors[`${path}.answer.tolerance`]}
            />
          </div>
        )}
        <div className="button-row editor-item-actions">
          <Button variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('editor.quiz.moveUp', { n: index + 1 })}>
            <Icon name="chevronDown" size={18} className="icon-flip" />
          </Button>
          <Button variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('editor.quiz.moveDown', { n: index + 1 })}>
            <Icon name="chevronDown" size={18} />
          </Button>
          <Button variant="ghost" icon="trash" disabled={count <= 1} onClick={onRemove}>
            {t('editor.quiz.remove')}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}

/** Quiz items of all four kinds, their right answers, and the quiz's rules. */
export function QuizEditor({ draft, onChange, errors }: { draft: QuizDraft; onChange: (draft: QuizDraft) => void; errors: Errors }) {
  const { t } = useTranslation();
  const setItems = (items: QuizItemDraft[]) => onChange({ ...draft, items });
  const move = (index: number, by: -1 | 1) => {
    const items = [...draft.items];
    const to = index + by;
    [items[index], items[to]] = [items[to]!, items[index]!];
    setItems(items);
  };
  return (
    <div className="quiz-editor">
      <ol className="quiz-editor-items">
        {draft.items.map((item, index) => (
          <ItemEditor
            key={item.key}
            item={item}
            index={index}
            count={draft.items.length}
            errors={errors}
            onChange={(next) => setItems(draft.items.map((i) => (i.key === item.key ? next : i)))}
            onRemove={() => setItems(draft.items.filter((i) => i.key !== item.key))}
            onMove={(by) => move(index, by)}
          />
        ))}
      </ol>
      {errors['content.items'] ? <p className="field-error">{errors['content.items']}</p> : null}
      <div className="button-row">
        {KINDS.map((kind) => (
          <Button key={kind} icon="plus" onClick={() => setItems([...draft.items, emptyQuizItem(kind)])}>
            {t(`editor.quiz.add.${kind}`)}
          </Button>
        ))}
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t('editor.quiz.rules')}</legend>
        <label className="check-row">
          <input type="checkbox" className="check-input" checked={draft.unlimited} onChange={(event) => onChange({ ...draft, unlimited: event.target.checked })} />
          <span>{t('editor.quiz.unlimited')}</span>
        </label>
        {draft.unlimited ? null : (
          <TextField
            label={t('editor.quiz.attempts')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={draft.attempts}
            onChange={(event) => onChange({ ...draft, attempts: event.target.value })}
            error={errors['content.attemptsAllowed']}
            className="field-short"
          />
        )}
        <label className="check-row">
          <input type="checkbox" className="check-input" checked={draft.showAnswers} onChange={(event) => onChange({ ...draft, showAnswers: event.target.checked })} />
          <span>{t('editor.quiz.showAnswers')}</span>
        </label>
      </fieldset>
    </div>
  );
}
