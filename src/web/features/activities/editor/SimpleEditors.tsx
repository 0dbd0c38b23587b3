import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import type { ContentDraft, Errors } from './form-state.ts';

type Draft<K extends ContentDraft['type']> = Extract<ContentDraft, { type: K }>;

/** question_box, reflection, discussion: one prompt. */
export function PromptEditor({ draft, onChange, errors }: { draft: Draft<'question_box' | 'reflection' | 'discussion'>; onChange: (draft: Draft<'question_box' | 'reflection' | 'discussion'>) => void; errors: Errors }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t(`editor.prompt.${draft.type}`)}
      value={draft.prompt}
      onChange={(event) => onChange({ ...draft, prompt: event.target.value })}
      rows={4}
      maxLength={4000}
      error={errors['content.prompt']}
      hint={t(`editor.prompt.${draft.type}Hint`)}
    />
  );
}

export function PollEditor({ draft, onChange, errors }: { draft: Draft<'poll'>; onChange: (draft: Draft<'poll'>) => void; errors: Errors }) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField label={t('editor.poll.question')} value={draft.question} onChange={(event) => onChange({ ...draft, question: event.target.value })} rows={2} maxLength={4000} error={errors['content.question']} />
      <ChoicesEditor choices={draft.choices} onChange={(choices) => onChange({ ...draft, choices })} errors={errors} path="content.choices" />
      <label className="check-row">
        <input type="checkbox" className="check-input" checked={draft.anonymous} onChange={(event) => onChange({ ...draft, anonymous: event.target.checked })} />
        <span>{t('editor.poll.anonymous')}</span>
      </label>
    </>
  );
}

export function ChecklistEditor({ draft, onChange, errors }: { draft: Draft<'checklist'>; onChange: (draft: Draft<'checklist'>) => void; errors: Errors }) {
  const { t } = useTranslation();
  const itemError = Object.entries(errors).find(([path]) => path.startsWith('content.items'))?.[1];
  return (
    <TextAreaField
      label={t('editor.checklist.items')}
      value={draft.items}
      onChange={(event) => onChange({ ...draft, items: event.target.value })}
      rows={6}
      hint={t('editor.checklist.hint')}
      error={itemError}
    />
  );
}

export function LinkEditor({ draft, onChange, errors }: { draft: Draft<'link'>; onChange: (draft: Draft<'link'>) => void; errors: Errors }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('editor.link.url')} type="url" value={draft.url} onChange={(event) => onChange({ ...draft, url: event.target.value })} maxLength={2000} hint={t('editor.link.urlHint')} error={errors['content.url']} />
      <TextAreaField label={t('editor.link.description')} value={draft.description} onChange={(event) => onChange({ ...draft, description: event.target.value })} rows={3} maxLength={2000} error={errors['content.description']} />
    </>
  );
}
