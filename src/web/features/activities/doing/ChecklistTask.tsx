import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityOf } from '../activity-types.ts';
import { indices } from '../activity-types.ts';
import { ConflictPanel } from '../autosave/ConflictPanel.tsx';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';

type Checked = { checked: number[] };

const decode = (body: Record<string, unknown>): Checked => ({ checked: indices(body.checked) });
const encode = (value: Checked) => ({ checked: [...value.checked].sort((a, b) => a - b) });

export function toggleIndex(list: number[], index: number, on: boolean): number[] {
  const rest = list.filter((item) => item !== index);
  return on ? [...rest, index].sort((a, b) => a - b) : rest;
}

/** Each item ticked by the student; done when all are. */
export function ChecklistTask({ activity, userId, locked }: { activity: ActivityOf<'checklist'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useResponseDraft({ activity, userId, decode, encode, debounceMs: 300 });
  const items = activity.content.items;
  const done = draft.value.checked.length;

  const list = (value: Checked) => (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>{value.checked.includes(index) ? '☑' : '☐'} {item}</li>
      ))}
    </ul>
  );

  return (
    <div className="task">
      <fieldset className="checklist" disabled={locked}>
        <legend className="visually-hidden">{activity.title}</legend>
        {items.map((item, index) => (
          <label key={index} className="check-row" htmlFor={`${id}-${index}`}>
            <input
              id={`${id}-${index}`}
              type="checkbox"
              className="check-input"
              checked={draft.value.checked.includes(index)}
              onChange={(event) => draft.setValue((value) => ({ checked: toggleIndex(value.checked, index, event.target.checked) }))}
            />
            <span>{item}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('activity.checklist.progress', { done, total: items.length })}</p>
      <SaveStatus state={draft.state} error={draft.error} />
      {draft.conflict ? <ConflictPanel conflict={draft.conflict} render={list} onKeepMine={draft.keepMine} onTakeTheirs={draft.takeTheirs} /> : null}
    </div>
  );
}
