import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateCourseBody } from '../../../shared/schemas/courses.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useCreateCourse } from './courses-api.ts';

export function CreateCoursePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateCourse();
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validate(t, CreateCourseBody, { title: formText(form, 'title'), description: formText(form, 'description') });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (course) => {
        toast(t('createCourse.created'));
        void navigate(`/courses/${course.id}`);
      },
      onError: (error) => setErrors(apiFieldErrors(t, error)),
    });
  }

  return (
    <div className="container container-narrow">
      <div className="page-header">
        <div>
          <PageTitle title={t('createCourse.title')} />
          <p className="page-lede">{t('createCourse.lede')}</p>
        </div>
      </div>
      <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField label={t('fields.courseTitle')} name="title" required maxLength={160} hint={t('createCourse.titleHint')} error={errors.title} />
        <TextAreaField label={t('fields.description')} name="description" maxLength={4000} hint={t('createCourse.descriptionHint')} error={errors.description} />
        <div className="form-actions">
          <ButtonLink to="/" variant="ghost">
            {t('common.cancel')}
          </ButtonLink>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {t('createCourse.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
