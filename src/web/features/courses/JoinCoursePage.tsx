import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { JoinCourseBody } from '../../../shared/schemas/courses.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { apiFieldErrors, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useJoinCourse } from './courses-api.ts';

/** `/join` asks for a code; `/join/:code` (the shared link) joins at once, after sign-in if needed. */
export function JoinCoursePage() {
  const { t } = useTranslation();
  const { code: linkCode } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const join = useJoinCourse();
  const [code, setCode] = useState(linkCode ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const linkTried = useRef(false);
  useFocusFirstError(formRef, errors);

  function submit(value: string) {
    const checked = validate(t, JoinCourseBody, { code: value }, { code: t('join.errors.format') });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    join.mutate(checked.data, {
      onSuccess: (course) => {
        toast(t('join.joined', { title: course.title }));
        void navigate(`/courses/${course.id}`, { replace: true });
      },
      onError: (error) =>
        setErrors(
          apiFieldErrors(t, error, {
            fieldFor: { not_found: 'code', course_archived: 'code' },
            overrides: { not_found: t('join.errors.notFound'), course_archived: t('join.errors.archived') },
          }),
        ),
    });
  }

  useEffect(() => {
    if (!linkCode || linkTried.current) return;
    linkTried.current = true;
    submit(linkCode);
    // The code from the link joins once, on arrival; later edits go through the form.
  }, [linkCode]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(code);
  }

  // A link joins without showing the form, unless joining fails and the code needs a look.
  const joiningFromLink = Boolean(linkCode) && !join.isError && !errors.code && !errors.form;
  if (joiningFromLink) return <Loading label={t('join.joining')} />;

  return (
    <div className="container container-narrow">
      <div className="page-header">
        <div>
          <PageTitle title={t('join.title')} />
          <p className="page-lede">{t('join.lede')}</p>
        </div>
      </div>
      <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField
          label={t('fields.joinCode')}
          name="code"
          className="field-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          required
          hint={t('join.codeHint')}
          error={errors.code}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" icon="arrowRight" busy={join.isPending}>
            {t('join.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
