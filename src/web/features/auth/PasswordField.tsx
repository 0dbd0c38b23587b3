import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';

/** A password input with a show/hide toggle: typing a long passphrase on a phone is hard blind. */
export function PasswordField({ label, error, hint, autoComplete }: { label: string; error?: string | undefined; hint?: string; autoComplete: 'current-password' | 'new-password' }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      label={label}
      name="password"
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      autoCapitalize="none"
      spellCheck={false}
      required
      hint={hint}
      error={error}
      trailing={
        <button type="button" className="input-addon" aria-pressed={visible} onClick={() => setVisible((value) => !value)}>
          <Icon name={visible ? 'eyeOff' : 'eye'} size={18} />
          <span className="visually-hidden">{t('auth.showPassword')}</span>
        </button>
      }
    />
  );
}
