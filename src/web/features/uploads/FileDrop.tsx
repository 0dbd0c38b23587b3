import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Upload } from '../../../shared/schemas/uploads.ts';
import { Alert } from '../../components/Alert.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { Icon } from '../../components/Icon.tsx';
import { learningError } from '../activities/learning-errors.ts';
import { ACCEPT, MAX_BYTES, checkFile, uploadFile, type UploadKind } from './uploads-api.ts';

type Props = {
  courseId: string;
  kinds: UploadKind[];
  label: string;
  onUploaded: (upload: Upload, file: File) => void;
};

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Drop a file here or pick one; type and size are checked first, progress is shown while it goes. */
export function FileDrop({ courseId, kinds, label, onUploaded }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function take(file: File | undefined) {
    if (!file || progress !== null) return;
    setError(null);
    const problem = checkFile(file, kinds);
    if (problem) {
      if (problem.problem === 'type') setError(t('editor.upload.wrongType', { name: file.name, types: kinds.map((k) => t(`editor.upload.types.${k}`)).join(' / ') }));
      else if (problem.problem === 'empty') setError(t('activity.errors.empty_file'));
      else setError(t('editor.upload.tooLarge', { name: file.name, max: megabytes(MAX_BYTES[problem.kind ?? 'image']) }));
      return;
    }
    setProgress(0);
    try {
      const upload = await uploadFile(courseId, file, setProgress);
      onUploaded(upload, file);
    } catch (caught) {
      setError(learningError(t, caught));
    } finally {
      setProgress(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  }

  return (
    <div className="file-drop-wrap">
      <div
        className={over ? 'file-drop file-drop-over' : 'file-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Icon name="plus" size={20} />
        <label htmlFor={id} className={buttonClass({ variant: 'secondary' }, 'file-button')}>
          <span>{label}</span>
        </label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          className="visually-hidden file-input"
          accept={kinds.map((k) => ACCEPT[k]).join(',')}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void take(event.target.files?.[0])}
          disabled={progress !== null}
        />
        <p className="file-drop-hint muted" id={`${id}-hint`}>
          {t('editor.upload.hint', { types: kinds.map((k) => t(`editor.upload.types.${k}`)).join(' / '), max: megabytes(Math.max(...kinds.map((k) => MAX_BYTES[k]))) })}
        </p>
      </div>
      {progress !== null ? (
        <div className="meter-row">
          <progress className="upload-progress" max={1} value={progress} aria-label={t('editor.upload.progress')} />
          <span>{t('editor.upload.percent', { percent: Math.round(progress * 100) })}</span>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
