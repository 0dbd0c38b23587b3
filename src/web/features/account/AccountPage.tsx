import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateMeBody } from '../../../shared/schemas/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { LOCALES } from '../../i18n/i18n.ts';
import { browserTimeZone, formatTime, timeZoneLabel } from '../../lib/format.ts';
import { apiFieldErrors, formText, validate, type FieldErrors } from '../../lib/form-errors.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { useUser } from '../auth/session.ts';
import { useUpdateMe } from './account-api.ts';
import { CalendarFeedCard } from './CalendarFeedCard.tsx';
import { MyDataCard } from './MyDataCard.tsx';
import { timeZoneGroups } from './time-zones.ts';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const toast = useToast();
  const update = useUpdateMe();
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const groups = useMemo(() => timeZoneGroups(user.timeZone), [user.timeZone]);
  const deviceZone = browserTimeZone();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validate(t, UpdateMeBody, { name: formText(form, 'name'), locale: formText(form, 'locale'), timeZone });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    update.mutate(checked.data, {
      // `t` is bound to the language of the last render; the save may just have changed it.
      onSuccess: () => toast(i18n.t('account.saved')),
      onError: (error) => setErrors(apiFieldErrors(t, error)),
    });
  }

  return (
    <div className="container container-narrow">
      <div className="page-header">
        <div>
          <PageTitle title={t('account.title')} />
          <p className="page-lede">{t('account.lede')}</p>
        </div>
      </div>
      <Card title={t('account.profile')} description={t('account.signedInAs', { email: user.email })}>
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <TextField label={t('fields.name')} name="name" defaultValue={user.name} autoComplete="name" required maxLength={120} error={errors.name} />
          <SelectField label={t('fields.language')} name="locale" defaultValue={user.locale} hint={t('account.languageHint')} error={errors.locale}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`languages.${locale}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('fields.timeZone')}
            name="timeZone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            hint={t('account.timeZoneHint', { time: formatTime(new Date(), { locale: i18n.resolvedLanguage ?? 'en', timeZone }) })}
            error={errors.timeZone}
          >
            {groups.map((group) => (
              <optgroup key={group.region} label={group.region}>
                {group.zones.map((zone) => (
                  <option key={zone.value} value={zone.value}>
                    {zone.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          {deviceZone !== timeZone ? (
            <p className="field-suggestion">
              <Button variant="ghost" icon="globe" onClick={() => setTimeZone(deviceZone)}>
                {t('account.useDeviceZone', { zone: timeZoneLabel(deviceZone) })}
              </Button>
            </p>
          ) : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={update.isPending}>
              {t('common.saveChanges')}
            </Button>
          </div>
        </form>
      </Card>
      <CalendarFeedCard />
      <MyDataCard />
    </div>
  );
}
