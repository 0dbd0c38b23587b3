import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { learningError } from '../activities/learning-errors.ts';
import { useImportNote } from './lessons-api.ts';

/** The server takes notes up to 1 MB; saying so before uploading saves a wait. */
const MAX_NOTE_BYTES = 1024 * 1024;

/** "Import a note": a Markdown file (e.g. from Obsidian) becomes a lesson with a reading page. */
export function ImportNoteButton({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const importNote = useImportNote(courseId);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (!/\.(md|markdown|txt)$/i.test(file.name)) return setError(t('lesson.import.notMarkdown'));
    if (file.size > MAX_NOTE_BYTES) return setError(t('lesson.import.tooLarge'));
    importNote.mutate(file, {
      onSuccess: (lesson) => {
        toast(t('lesson.import.done', { title: lesson.title }));
        void navigate(`/lessons/${encodeURIComponent(lesson.id)}`);
      },
      onError: (caught) => setError(learningError(t, caught)),
      onSettled: () => {
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  }

  return (
    <div className="import-note">
      <label htmlFor={id} className={buttonClass({ variant: 'secondary' }, 'file-button')} aria-busy={importNote.isPending || undefined}>
        {importNote.isPending ? <Spinner size={18} /> : <Icon name="arrowRight" size={18} className="icon-up" />}
        <span>{t('lesson.import.action')}</span>
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".md,.markdown,text/markdown"
        className="visually-hidden file-input"
        aria-describedby={`${id}-hint`}
        disabled={importNote.isPending}
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      <p id={`${id}-hint`} className="visually-hidden">
        {t('lesson.import.hint')}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
