import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { browserTimeZone } from '../../lib/format.ts';
import { authSchemas } from '../../lib/lazy-schemas.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { AuthShell } from './AuthShell.tsx';
import { safeNextPath } from './next-path.ts';
import { PasswordField } from './PasswordField.tsx';
import { useSignUp } from './session.ts';

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const signUp = useSignUp();
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const warmUp = () => void authSchemas();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { SignupBody } = await authSchemas();
    const checked = validate(t, SignupBody, {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      // The account starts in the language and time zone this browser is using.
      locale: currentLocale(),
      timeZone: browserTimeZone(),
    });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    signUp.mutate(checked.data, { onError: (error) => setErrors(apiFieldErrors(t, error, { fieldFor: { email_taken: 'email' } })) });
  }

  const signInLink = next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
  return (
    <AuthShell
      title={t('auth.signUp.title')}
      lede={next.startsWith('/join/') ? <Alert tone="info">{t('auth.joinHint')}</Alert> : <p>{t('auth.signUp.lede')}</p>}
      footer={
        <p>
          {t('auth.signUp.haveAccount')} <Link to={signInLink}>{t('auth.signUp.signIn')}</Link>
        </p>
      }
    >
      {/* Starting zod's download on first contact makes it ready by the time the form is sent. */}
      <form ref={formRef} className="form" onSubmit={onSubmit} onFocus={warmUp} onPointerDown={warmUp} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField label={t('fields.name')} name="name" autoComplete="name" required error={errors.name} />
        <TextField label={t('fields.email')} name="email" type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} required error={errors.email} />
        <PasswordField label={t('fields.password')} autoComplete="new-password" hint={t('auth.signUp.passwordHint')} error={errors.password} />
        <Button type="submit" variant="primary" size="lg" block busy={signUp.isPending}>
          {t('auth.signUp.submit')}
        </Button>
      </form>
    </AuthShell>
  );
}
