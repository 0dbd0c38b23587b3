import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { browserTimeZone, formatDate, formatDateTime, formatTime, type FormatContext } from '../../lib/format.ts';

/** Date formatting bound to the UI language and the viewer's own time zone (their setting, else the device's). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: user } = useMe();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const timeZone = user?.timeZone ?? browserTimeZone();
  return useMemo(() => {
    const context: FormatContext = { locale, timeZone };
    return {
      timeZone,
      date: (value: string | Date) => formatDate(value, context),
      dateTime: (value: string | Date) => formatDateTime(value, context),
      /** The time now (or at `value`) in someone else's zone, e.g. a student's. */
      timeIn: (zone: string, value: string | Date = new Date()) => formatTime(value, { locale, timeZone: zone }),
    };
  }, [locale, timeZone]);
}
