import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddTeacherBody } from '../../../shared/schemas/courses.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useAddTeacher } from './courses-api.ts';

/** Co-teachers need an account already; an existing student is promoted. */
export function AddTeacherForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const add = useAddTeacher(courseId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validate(t, AddTeacherBody, { email: formText(form, 'email') });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    add.mutate(checked.data, {
      onSuccess: () => {
        form.reset();
        toast(t('roster.teacherAdded'));
      },
      onError: (error) => setErrors(apiFieldErrors(t, error, { fieldFor: { user_not_found: 'email' } })),
    });
  }

  return (
    <form ref={formRef} className="form inline-form" onSubmit={onSubmit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField
        label={t('roster.teacherEmail')}
        name="email"
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        hint={t('roster.teacherEmailHint')}
        error={errors.email}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" icon="plus" busy={add.isPending}>
          {t('roster.addTeacher')}
        </Button>
      </div>
    </form>
  );
}
