import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseVideoUrl } from '../../../../shared/video-url.ts';
import { Icon } from '../../../components/Icon.tsx';
import { TextField } from '../../../components/Field.tsx';
import { FileDrop } from '../../uploads/FileDrop.tsx';
import { formatDuration, type ContentDraft, type Errors } from './form-state.ts';

type VideoDraft = Extract<ContentDraft, { type: 'video' }>;

/**
 * The length of an uploaded video, read from its metadata by the browser. From the server's
 * copy, not a blob: URL, which the page's Content-Security-Policy does not allow for media.
 */
function readDuration(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const done = (value: number | null) => {
      video.removeAttribute('src');
      resolve(value);
    };
    video.preload = 'metadata';
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null);
    video.onerror = () => done(null);
    video.src = url;
  });
}

/** A YouTube or Vimeo link (previewed), or a file uploaded to the course. */
export function VideoEditor({ courseId, draft, onChange, errors }: { courseId: string; draft: VideoDraft; onChange: (draft: VideoDraft) => void; errors: Errors }) {
  const { t } = useTranslation();
  const id = useId();
  const embed = draft.source === 'url' && draft.url ? parseVideoUrl(draft.url) : null;
  const sourceError = errors['content.url'] ?? errors['content.uploadId'] ?? errors.content;
  return (
    <div className="video-editor">
      <fieldset className="segmented">
        <legend className="field-label">{t('editor.video.source')}</legend>
        {(['url', 'upload'] as const).map((source) => (
          <label key={source} className="segmented-option" htmlFor={`${id}-${source}`}>
            <input id={`${id}-${source}`} type="radio" name={`${id}-source`} checked={draft.source === source} onChange={() => onChange({ ...draft, source })} />
            <span>{t(`editor.video.sources.${source}`)}</span>
          </label>
        ))}
      </fieldset>
      {draft.source === 'url' ? (
        <>
          <TextField label={t('editor.video.url')} type="url" value={draft.url} onChange={(event) => onChange({ ...draft, url: event.target.value })} hint={t('editor.video.urlHint')} error={sourceError} />
          {embed ? (
            <div className="video-frame">
              <iframe src={embed.embedUrl} title={t('editor.video.previewTitle')} allow="encrypted-media; picture-in-picture; fullscreen" allowFullScreen />
            </div>
          ) : null}
        </>
      ) : (
        <>
          {draft.uploadId ? (
            <p className="upload-done">
              <Icon name="check" size={18} />
              {t('editor.video.uploaded', { name: draft.uploadName || draft.uploadId })}
            </p>
          ) : null}
          <FileDrop
            courseId={courseId}
            kinds={['video']}
            label={draft.uploadId ? t('editor.video.replace') : t('editor.video.choose')}
            onUploaded={async (upload) => {
              const seconds = await readDuration(upload.url);
              onChange({ ...draft, uploadId: upload.id, uploadName: upload.fileName, duration: seconds ? formatDuration(seconds) : draft.duration });
            }}
          />
          {sourceError ? <p className="field-error">{sourceError}</p> : null}
        </>
      )}
      <TextField
        label={t('editor.video.duration')}
        value={draft.duration}
        onChange={(event) => onChange({ ...draft, duration: event.target.value })}
        hint={t('editor.video.durationHint')}
        error={errors['content.durationSeconds']}
        inputMode="numeric"
        className="field-short"
      />
    </div>
  );
}
