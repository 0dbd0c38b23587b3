import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateLessonBody } from '../../../shared/schemas/lessons.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { timeZoneLabel } from '../../lib/format.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useFormat } from '../account/use-format.ts';
import { zonedToInstant } from '../live/zoned-time.ts';
import { useCreateLesson } from './lessons-api.ts';

/** A new lesson, optionally with its live session (times in the teacher's own zone). */
export function CreateLessonForm({ courseId, onCancel }: { courseId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  const create = useCreateLesson(courseId);
  const [withLive, setWithLive] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = formText(form, 'title');
    let live: Record<string, unknown> | undefined;
    if (withLive) {
      const startsAt = zonedToInstant(formText(form, 'startsAt'), format.timeZone);
      if (!startsAt) return setErrors({ live: t('lesson.create.startsAtInvalid') });
      const location = formText(form, 'location').trim();
      const videoUrl = formText(form, 'videoUrl').trim();
      live = { startsAt, durationMinutes: Number(formText(form, 'durationMinutes')), ...(location ? { location } : {}), ...(videoUrl ? { videoUrl } : {}) };
    }
    const checked = validate(t, CreateLessonBody, { title, ...(live ? { live } : {}) });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (lesson) => {
        toast(t('lesson.create.created'));
        void navigate(`/lessons/${encodeURIComponent(lesson.id)}`);
      },
      onError: (error) => setErrors(apiFieldErrors(t, error)),
    });
  }

  return (
    <form ref={formRef} className="form create-lesson" onSubmit={onSubmit} noValidate aria-label={t('lesson.create.title')}>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField label={t('lesson.titleField')} name="title" required maxLength={200} error={errors.title} hint={t('lesson.create.titleHint')} autoFocus />
      <label className="check-row">
        <input type="checkbox" className="check-input" checked={withLive} onChange={(event) => setWithLive(event.target.checked)} />
        <span>{t('lesson.create.withLive')}</span>
      </label>
      {withLive ? (
        <fieldset className="fieldset">
          <legend className="field-label">{t('phases.live')}</legend>
          {errors.live ? <Alert tone="error">{errors.live}</Alert> : null}
          <TextField label={t('lesson.create.startsAt')} name="startsAt" type="datetime-local" required hint={t('lesson.create.zoneHint', { zone: timeZoneLabel(format.timeZone) })} />
          <TextField label={t('lesson.create.duration')} name="durationMinutes" type="number" inputMode="numeric" min={5} max={1440} defaultValue={60} required />
          <TextField label={t('lesson.create.location')} name="location" maxLength={500} hint={t('lesson.create.locationHint')} />
          <TextField label={t('lesson.create.videoUrl')} name="videoUrl" type="url" maxLength={2000} hint={t('lesson.create.videoUrlHint')} />
        </fieldset>
      ) : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" icon="plus" busy={create.isPending}>
          {t('lesson.create.submit')}
        </Button>
      </div>
    </form>
  );
}
