import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { ActivityOf } from '../activity-types.ts';
import { indices } from '../activity-types.ts';
import { SaveStatus } from '../autosave/SaveStatus.tsx';
import { useResponseDraft } from '../autosave/use-response-draft.ts';
import { PageHtml } from '../PageHtml.tsx';
import { toggleIndex } from './ChecklistTask.tsx';

type PageState = { checked: number[]; done: boolean };

const encode = (value: PageState) => ({ checked: value.checked, done: value.done });

/** Tags from the note's front matter and body, as chips above it. */
export function TagChips({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label={t('activity.page.tags')}>
      {tags.map((tag) => (
        <li key={tag} className="tag-chip">
          #{tag}
        </li>
      ))}
    </ul>
  );
}

/** A reading page: the server's HTML, its task list tickable and saved, and "I have read it". */
export function PageTask({ activity, userId, locked }: { activity: ActivityOf<'page'>; userId: string; locked: boolean }) {
  const { t } = useTranslation();
  // Until the student ticks anything, the note's own "- [x]" items start ticked.
  const decode = (body: Record<string, unknown>): PageState => ({
    checked: body.checked !== undefined ? indices(body.checked) : activity.content.tasks.filter((task) => task.checkedInSource).map((task) => task.index),
    done: body.done === true,
  });
  const draft = useResponseDraft({ activity, userId, decode, encode, debounceMs: 300, detectConflicts: false });
  const ref = useRef<HTMLDivElement>(null);

  // The checkboxes live in server HTML, outside React: mirror the saved state into them and listen.
  const checked = draft.value.checked;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const box of root.querySelectorAll<HTMLInputElement>('input[data-task-index]')) {
      box.checked = checked.includes(Number(box.dataset.taskIndex));
      box.disabled = locked;
    }
  }, [checked, locked]);

  const setValue = draft.setValue;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onChange = (event: Event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.dataset.taskIndex === undefined) return;
      const index = Number(box.dataset.taskIndex);
      setValue((value) => ({ ...value, checked: toggleIndex(value.checked, index, box.checked) }));
    };
    root.addEventListener('change', onChange);
    return () => root.removeEventListener('change', onChange);
  }, [setValue]);

  return (
    <div className="task">
      <TagChips tags={activity.content.tags} />
      <PageHtml ref={ref} content={activity.content} />
      <div className="task-actions">
        <SaveStatus state={draft.state} error={draft.error} />
        {draft.value.done ? (
          <p className="done-note">
            <Icon name="check" size={18} />
            {t('activity.page.read')}
          </p>
        ) : (
          <Button variant="primary" icon="check" disabled={locked} onClick={() => draft.setValue((value) => ({ ...value, done: true }), { immediate: true })}>
            {t('activity.page.markRead')}
          </Button>
        )}
      </div>
    </div>
  );
}
