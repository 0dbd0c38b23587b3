import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateLessonBody, type Lesson } from '../../../shared/schemas/lessons.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useRenameLesson } from './lessons-api.ts';

export function RenameLessonForm({ lesson, onDone }: { lesson: Lesson; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const rename = useRenameLesson(lesson.id);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(t, UpdateLessonBody, { title: formText(event.currentTarget, 'title') });
    if (checked.errors) return setErrors(checked.errors);
    rename.mutate(checked.data.title, {
      onSuccess: () => {
        toast(t('lesson.renamed'));
        onDone();
      },
      onError: (error) => setErrors(apiFieldErrors(t, error)),
    });
  }

  return (
    <form ref={formRef} className="form inline-form rename-form" onSubmit={onSubmit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField label={t('lesson.titleField')} name="title" defaultValue={lesson.title} required maxLength={200} error={errors.title} autoFocus />
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={rename.isPending}>
          {t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
