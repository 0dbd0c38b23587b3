import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField } from '../../../components/Field.tsx';
import { useToast } from '../../../components/Toasts.tsx';
import { useFormat } from '../../account/use-format.ts';
import type { ActivityOf } from '../activity-types.ts';
import { ConflictPanel } from '../autosave/ConflictPanel.tsx';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';
import { learningError } from '../learning-errors.ts';

type Reflection = { text: string };

const decode = (body: Record<string, unknown>): Reflection => ({ text: typeof body.text === 'string' ? body.text : '' });
const encode = (value: Reflection) => ({ text: value.text });

/** A written response: saved as it is typed, handed in when the student says so. */
export function ReflectionTask({ activity, userId, locked }: { activity: ActivityOf<'reflection'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const draft = useResponseDraft({ activity, userId, decode, encode });
  const submittedAt = activity.myResponse?.submittedAt;

  return (
    <div className="task">
      <p className="task-prompt">{activity.content.prompt}</p>
      {draft.restored ? <p className="muted task-note">{t('activity.save.restored')}</p> : null}
      <TextAreaField
        label={t('activity.reflection.label')}
        value={draft.value.text}
        onChange={(event) => draft.setValue({ text: event.target.value })}
        rows={8}
        maxLength={50_000}
        disabled={locked}
        hint={t('activity.reflection.hint')}
      />
      <SaveStatus state={draft.state} error={draft.error} />
      {draft.conflict ? (
        <ConflictPanel conflict={draft.conflict} render={(value) => <p className="pre-wrap">{value.text}</p>} onKeepMine={draft.keepMine} onTakeTheirs={draft.takeTheirs} />
      ) : null}
      {draft.submitError ? <Alert tone="error">{learningError(t, draft.submitError)}</Alert> : null}
      <div className="task-actions">
        {submittedAt ? <p className="muted">{t('activity.reflection.handedIn', { when: format.dateTime(submittedAt) })}</p> : null}
        <Button
          variant="primary"
          icon="check"
          busy={draft.submitting}
          disabled={locked || !draft.value.text.trim() || Boolean(draft.conflict)}
          onClick={async () => {
            if (await draft.submit()) toast(t('activity.reflection.handedInToast'));
          }}
        >
          {submittedAt ? t('activity.reflection.handInAgain') : t('activity.reflection.handIn')}
        </Button>
      </div>
    </div>
  );
}
