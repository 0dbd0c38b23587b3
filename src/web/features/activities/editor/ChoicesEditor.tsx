import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { Errors } from './form-state.ts';

type Props = {
  choices: string[];
  onChange: (choices: string[], removed?: number) => void;
  errors: Errors;
  /** Error path of the list, e.g. "content.choices" or "content.items.2.choices". */
  path: string;
  /** Which choices are right (quiz): a radio or checkbox per row. */
  correct?: { multiple: boolean; indices: number[]; onChange: (indices: number[]) => void };
};

const MAX_CHOICES = 20;

/** A list of choices to type, add and remove; for quizzes, each marked right or not. */
export function ChoicesEditor({ choices, onChange, errors, path, correct }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listError = errors[path];
  return (
    <fieldset className="choices" aria-describedby={listError ? `${id}-error` : undefined}>
      <legend className="field-label">{correct ? t('editor.choices.legendQuiz') : t('editor.choices.legend')}</legend>
      <ol className="choice-list">
        {choices.map((choice, index) => {
          const error = errors[`${path}.${index}`];
          return (
            <li key={index} className="choice-row">
              {correct ? (
                <label className="choice-correct" htmlFor={`${id}-right-${index}`}>
                  <input
                    id={`${id}-right-${index}`}
                    type={correct.multiple ? 'checkbox' : 'radio'}
                    name={`${id}-right`}
                    className="check-input"
                    checked={correct.indices.includes(index)}
                    onChange={(event) =>
                      correct.onChange(
                        correct.multiple ? (event.target.checked ? [...correct.indices, index].sort((a, b) => a - b) : correct.indices.filter((i) => i !== index)) : [index],
                      )
                    }
                  />
                  <span className="visually-hidden">{t('editor.choices.rightLabel', { n: index + 1 })}</span>
                </label>
              ) : null}
              <div className="choice-input">
                <label className="visually-hidden" htmlFor={`${id}-${index}`}>
                  {t('editor.choices.choiceLabel', { n: index + 1 })}
                </label>
                <input
                  id={`${id}-${index}`}
                  className="input"
                  value={choice}
                  maxLength={500}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-${index}-error` : undefined}
                  onChange={(event) => onChange(choices.map((c, i) => (i === index ? event.target.value : c)))}
                  placeholder={t('editor.choices.placeholder', { n: index + 1 })}
                />
                {error ? (
                  <p className="field-error" id={`${id}-${index}-error`}>
                    <Icon name="alert" size={16} />
                    <span>{error}</span>
                  </p>
                ) : null}
              </div>
              <Button
                variant="ghost"
                className="icon-button"
                disabled={choices.length <= 2}
                aria-label={t('editor.choices.remove', { n: index + 1 })}
                onClick={() => onChange(choices.filter((_, i) => i !== index), index)}
              >
                <Icon name="close" size={18} />
              </Button>
            </li>
          );
        })}
      </ol>
      {listError ? (
        <p className="field-error" id={`${id}-error`}>
          <Icon name="alert" size={16} />
          <span>{listError}</span>
        </p>
      ) : null}
      {correct ? <p className="field-hint">{correct.multiple ? t('editor.choices.hintMultiple') : t('editor.choices.hintSingle')}</p> : null}
      <Button variant="ghost" icon="plus" disabled={choices.length >= MAX_CHOICES} onClick={() => onChange([...choices, ''])}>
        {t('editor.choices.add')}
      </Button>
    </fieldset>
  );
}
