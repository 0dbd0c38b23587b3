import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { isApiError } from '../../lib/api.ts';
import { formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { AuthShell } from './AuthShell.tsx';
import { PasswordField } from './PasswordField.tsx';
import { resetSchemas, tokenFromHash, useConfirmReset } from './password-reset-api.ts';

/** The page an emailed reset link opens: choose a new password; the link then stops working. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useConfirmReset();
  // Read once, then taken out of the address bar and the history.
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [expired, setExpired] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const form = event.currentTarget;
    const { PasswordResetConfirmBody } = await resetSchemas();
    const checked = validate(t, PasswordResetConfirmBody, { token, newPassword: formText(form, 'password') });
    if (checked.errors) return setErrors({ password: checked.errors.newPassword ?? checked.errors.form });
    setErrors({});
    confirm.mutate(checked.data, {
      onSuccess: () => void navigate('/signin?reset=done', { replace: true }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'invalid_reset_token') return setExpired(true);
        setErrors({ form: errorMessage(t, error) });
      },
    });
  }

  const again = <Link to="/forgot-password">{t('passwordReset.reset.askAgain')}</Link>;
  return (
    <AuthShell
      title={t('passwordReset.reset.title')}
      lede={<p>{t('passwordReset.reset.lede')}</p>}
      footer={
        <p>
          {t('passwordReset.rememberIt')} <Link to="/signin">{t('passwordReset.backToSignIn')}</Link>
        </p>
      }
    >
      {!token || expired ? (
        <Alert tone="error" title={t(token ? 'passwordReset.reset.expiredTitle' : 'passwordReset.reset.missingTitle')} action={again}>
          <p>{t(token ? 'passwordReset.reset.expired' : 'passwordReset.reset.missing')}</p>
        </Alert>
      ) : (
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <PasswordField label={t('passwordReset.reset.newPassword')} autoComplete="new-password" hint={t('auth.signUp.passwordHint')} error={errors.password} />
          <Button type="submit" variant="primary" size="lg" block busy={confirm.isPending}>
            {t('passwordReset.reset.submit')}
          </Button>
        </form>
      )}
    </AuthShell>
  );
}
