import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageView } from '../../../../shared/schemas/activities.ts';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField } from '../../../components/Field.tsx';
import { FileDrop } from '../../uploads/FileDrop.tsx';
import { TagChips } from '../doing/PageTask.tsx';
import { PageHtml } from '../PageHtml.tsx';
import type { Errors } from './form-state.ts';

type Props = {
  courseId: string;
  markdown: string;
  onChange: (markdown: string) => void;
  errors: Errors;
  /** The server's rendering of the saved page (edit mode); null before the first save. */
  saved: { markdown: string; html: string; tags: string[]; tasks: PageView['tasks'] } | null;
  /** Saves, so the preview can show the server's rendering of what is typed now. */
  onSaveForPreview: () => void;
  saving: boolean;
  initialTab?: 'write' | 'preview';
};

/**
 * Markdown with Obsidian's extras (==highlights==, - [ ] tasks, ![[image.png|700]] embeds,
 * #tags). The preview is the server's own sanitised rendering, exactly what students get.
 */
export function PageEditor({ courseId, markdown, onChange, errors, saved, onSaveForPreview, saving, initialTab = 'write' }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'write' | 'preview'>(initialTab);
  const writeRef = useRef<HTMLDivElement>(null);
  const tabsId = useId();
  const upToDate = saved !== null && saved.markdown === markdown;

  function insert(text: string) {
    const area = writeRef.current?.querySelector('textarea');
    const start = area?.selectionStart ?? markdown.length;
    const end = area?.selectionEnd ?? markdown.length;
    const before = markdown.slice(0, start);
    const spacer = before && !before.endsWith('\n') ? '\n' : '';
    onChange(`${before}${spacer}${text}\n${markdown.slice(end)}`);
  }

  return (
    <div className="page-editor">
      <div
        className="tabs"
        role="tablist"
        aria-label={t('editor.page.tabs')}
        onKeyDown={(event) => {
          // Arrow keys move between the two tabs, as the ARIA tabs pattern expects.
          if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
          const next = tab === 'write' ? 'preview' : 'write';
          setTab(next);
          document.getElementById(`${tabsId}-${next}`)?.focus();
        }}
      >
        {(['write', 'preview'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${tabsId}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${tabsId}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
          >
            {t(`editor.page.${name}`)}
          </button>
        ))}
      </div>
      <div ref={writeRef} role="tabpanel" id={`${tabsId}-write-panel`} aria-labelledby={`${tabsId}-write`} hidden={tab !== 'write'} className="tab-panel">
        <TextAreaField
          label={t('editor.page.markdown')}
          value={markdown}
          onChange={(event) => onChange(event.target.value)}
          rows={16}
          className="field-markdown"
          hint={t('editor.page.markdownHint')}
          error={errors['content.markdown']}
          spellCheck
        />
        <FileDrop
          courseId={courseId}
          kinds={['image', 'video']}
          label={t('editor.page.addFile')}
          onUploaded={(upload) => insert(upload.contentType.startsWith('image/') ? `![[${upload.fileName}|700]]` : `![[${upload.fileName}]]`)}
        />
      </div>
      <div role="tabpanel" id={`${tabsId}-preview-panel`} aria-labelledby={`${tabsId}-preview`} hidden={tab !== 'preview'} className="tab-panel">
        {upToDate && saved ? (
          <div className="preview-box">
            <TagChips tags={saved.tags} />
            <PageHtml content={saved} readOnly />
          </div>
        ) : (
          <div className="preview-box preview-stale">
            <p className="muted">{saved ? t('editor.page.previewStale') : t('editor.page.previewNew')}</p>
            <Button variant="primary" onClick={onSaveForPreview} busy={saving}>
              {t('editor.page.saveAndPreview')}
            </Button>
            {saved ? (
              <>
                <p className="muted">{t('editor.page.lastSaved')}</p>
                <TagChips tags={saved.tags} />
                <PageHtml content={saved} readOnly />
              </>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
