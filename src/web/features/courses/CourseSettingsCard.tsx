import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { UpdateCourseBody, type Course } from '../../../shared/schemas/courses.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useUpdateCourse } from './courses-api.ts';

/** For teachers: rename the course, edit its description and pre-work budget, archive it or bring it back. */
export function CourseSettingsCard({ course }: { course: Course }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateCourse(course.id);
  const archive = useUpdateCourse(course.id);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirmArchive, setConfirmArchive] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const { hash } = useLocation();
  // The lesson page's design guidance links here to change the pre-work budget.
  useEffect(() => {
    if (hash === '#course-settings') formRef.current?.querySelector<HTMLInputElement>('input[name="preworkBudgetMinutes"]')?.focus();
  }, [hash]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const budget = formText(form, 'preworkBudgetMinutes').trim();
    const checked = validate(
      t,
      UpdateCourseBody,
      { title: formText(form, 'title'), description: formText(form, 'description'), preworkBudgetMinutes: budget === '' ? Number.NaN : Number(budget) },
      { preworkBudgetMinutes: t('lesson.budgetSetting.invalid') },
    );
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => toast(t('courseSettings.saved')),
      onError: (error) => setErrors(apiFieldErrors(t, error)),
    });
  }

  function setArchived(archived: boolean) {
    archive.mutate(
      { archived },
      {
        onSuccess: () => {
          setConfirmArchive(false);
          toast(archived ? t('courseSettings.archivedToast') : t('courseSettings.unarchivedToast'));
        },
        onError: (error) => toast(errorMessage(t, error), 'error'),
      },
    );
  }

  return (
    <Card className="settings-card" id="course-settings" title={t('courseSettings.title')}>
      {/* Keyed by the saved values so the fields reset to them after a save elsewhere. */}
      <form key={`${course.title}\u0000${course.description}\u0000${course.preworkBudgetMinutes}`} ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField label={t('fields.courseTitle')} name="title" defaultValue={course.title} required maxLength={160} error={errors.title} />
        <TextAreaField label={t('fields.description')} name="description" defaultValue={course.description} maxLength={4000} rows={6} error={errors.description} />
        <TextField
          label={t('lesson.budgetSetting.label')}
          name="preworkBudgetMinutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={6000}
          step={5}
          defaultValue={course.preworkBudgetMinutes}
          hint={t('lesson.budgetSetting.hint')}
          error={errors.preworkBudgetMinutes}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </div>
      </form>
      <div className="danger-zone">
        <div>
          <h3 className="danger-zone-title">{course.archived ? t('courseSettings.unarchiveTitle') : t('courseSettings.archiveTitle')}</h3>
          <p className="muted">{course.archived ? t('courseSettings.unarchiveBody') : t('courseSettings.archiveBody')}</p>
        </div>
        {course.archived ? (
          <Button icon="archive" onClick={() => setArchived(false)} busy={archive.isPending}>
            {t('courseSettings.unarchive')}
          </Button>
        ) : (
          <Button icon="archive" onClick={() => setConfirmArchive(true)}>
            {t('courseSettings.archive')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirmArchive}
        title={t('courseSettings.archiveConfirmTitle', { title: course.title })}
        confirmLabel={t('courseSettings.archive')}
        busy={archive.isPending}
        onCancel={() => setConfirmArchive(false)}
        onConfirm={() => setArchived(true)}
      >
        <p>{t('courseSettings.archiveBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
