import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityOf } from '../activity-types.ts';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';

type Vote = { choice: number | null };

const decode = (body: Record<string, unknown>): Vote => ({ choice: Number.isInteger(body.choice) ? (body.choice as number) : null });
const encode = (value: Vote) => (value.choice === null ? {} : { choice: value.choice });

/** A poll answered on its own time: one choice, saved at once, changeable until it closes. */
export function PollTask({ activity, userId, locked }: { activity: ActivityOf<'poll'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useResponseDraft({ activity, userId, decode, encode, detectConflicts: false });
  return (
    <div className="task">
      <fieldset className="poll" disabled={locked}>
        <legend className="task-prompt">{activity.content.question}</legend>
        {activity.content.choices.map((choice, index) => (
          <label key={index} className="check-row" htmlFor={`${id}-${index}`}>
            <input id={`${id}-${index}`} type="radio" name={id} className="check-input" checked={draft.value.choice === index} onChange={() => draft.setValue({ choice: index }, { immediate: true })} />
            <span>{choice}</span>
          </label>
        ))}
      </fieldset>
      {activity.content.anonymous ? <p className="muted">{t('activity.poll.anonymous')}</p> : null}
      {draft.value.choice !== null ? <SaveStatus state={draft.state} error={draft.error} /> : null}
    </div>
  );
}
