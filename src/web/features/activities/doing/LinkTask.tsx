import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { ActivityOf } from '../activity-types.ts';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';

type Opened = { done: boolean };

const decode = (body: Record<string, unknown>): Opened => ({ done: body.done === true });
const encode = (value: Opened) => ({ done: value.done });

/** An outside resource; opening it is what completes it. */
export function LinkTask({ activity, userId, locked }: { activity: ActivityOf<'link'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  const draft = useResponseDraft({ activity, userId, decode, encode, detectConflicts: false });
  const { url, description } = activity.content;
  const markOpened = () => {
    if (!locked && !draft.value.done) draft.setValue({ done: true }, { immediate: true });
  };
  return (
    <div className="task">
      {description ? <p className="pre-wrap">{description}</p> : null}
      <p className="link-url">{url}</p>
      <div className="task-actions">
        <a
          className={buttonClass({ variant: 'primary' })}
          href={/^https?:\/\//i.test(url) ? url : undefined}
          target="_blank"
          rel="noopener noreferrer"
          onClick={markOpened}
          onAuxClick={markOpened}
        >
          <Icon name="link" size={18} />
          <span>{t('activity.link.open')}</span>
          <span className="visually-hidden">{t('activity.link.newTab')}</span>
        </a>
        {draft.value.done ? (
          <p className="done-note">
            <Icon name="check" size={18} />
            {t('activity.link.opened')}
          </p>
        ) : null}
        {draft.state !== 'idle' ? <SaveStatus state={draft.state} error={draft.error} /> : null}
      </div>
    </div>
  );
}
