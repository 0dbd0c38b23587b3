import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { authSchemas } from '../../lib/lazy-schemas.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { AuthShell } from './AuthShell.tsx';
import { safeNextPath } from './next-path.ts';
import { PasswordField } from './PasswordField.tsx';
import { useSignIn } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const signIn = useSignIn();
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const warmUp = () => void authSchemas();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { LoginBody } = await authSchemas();
    const checked = validate(t, LoginBody, { email: formText(form, 'email'), password: formText(form, 'password') });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    // On success `me` is set and PublicOnly sends the user on to `next`.
    signIn.mutate(checked.data, { onError: (error) => setErrors(apiFieldErrors(t, error)) });
  }

  const signUpLink = next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`;
  return (
    <AuthShell
      title={t('auth.signIn.title')}
      lede={
        params.get('reset') === 'done' ? (
          <Alert tone="success">{t('passwordReset.doneNotice')}</Alert>
        ) : next.startsWith('/join/') ? (
          <Alert tone="info">{t('auth.joinHint')}</Alert>
        ) : (
          <p>{t('auth.signIn.lede')}</p>
        )
      }
      footer={
        <p>
          {t('auth.signIn.noAccount')} <Link to={signUpLink}>{t('auth.signIn.createAccount')}</Link>
        </p>
      }
    >
      {/* Starting zod's download on first contact makes it ready by the time the form is sent. */}
      <form ref={formRef} className="form" onSubmit={onSubmit} onFocus={warmUp} onPointerDown={warmUp} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField label={t('fields.email')} name="email" type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} required error={errors.email} />
        <PasswordField label={t('fields.password')} autoComplete="current-password" error={errors.password} />
        <p className="auth-forgot">
          <Link to="/forgot-password">{t('passwordReset.forgotLink')}</Link>
        </p>
        <Button type="submit" variant="primary" size="lg" block busy={signIn.isPending}>
          {t('auth.signIn.submit')}
        </Button>
      </form>
    </AuthShell>
  );
}
