import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { AuthShell } from './AuthShell.tsx';
import { resetSchemas, useRequestReset } from './password-reset-api.ts';

/** "Forgot your password?": an email goes out with a one-time link, if the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestReset();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { PasswordResetRequestBody } = await resetSchemas();
    const checked = validate(t, PasswordResetRequestBody, { email: formText(form, 'email') });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    request.mutate(checked.data, {
      onSuccess: () => setSentTo(checked.data.email),
      onError: (error) => setErrors({ form: errorMessage(t, error, { rate_limited: t('passwordReset.request.tooMany') }) }),
    });
  }

  return (
    <AuthShell
      title={t('passwordReset.request.title')}
      lede={<p>{t('passwordReset.request.lede')}</p>}
      footer={
        <p>
          {t('passwordReset.rememberIt')} <Link to="/signin">{t('passwordReset.backToSignIn')}</Link>
        </p>
      }
    >
      {sentTo ? (
        <Alert tone="success" title={t('passwordReset.request.sentTitle')}>
          <p>{t('passwordReset.request.sent', { email: sentTo })}</p>
        </Alert>
      ) : (
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <TextField label={t('fields.email')} name="email" type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} required error={errors.email} />
          <Button type="submit" variant="primary" size="lg" block busy={request.isPending}>
            {t('passwordReset.request.submit')}
          </Button>
        </form>
      )}
    </AuthShell>
  );
}
