import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { timeZoneLabel } from '../../lib/format.ts';
import { useLiveZones } from './live-api.ts';

/** A wall-clock "2026-11-25T03:00" (no offset) read as written, formatted in the UI language. */
function wallClockLabel(local: string, locale: string): string {
  const date = new Date(`${local}:00Z`);
  if (Number.isNaN(date.getTime())) return local;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

/** Teachers: when the session starts for students in each of their time zones. */
export function LiveZonesTable({ lessonId }: { lessonId: string }) {
  const { t, i18n } = useTranslation();
  const zones = useLiveZones(lessonId, true);
  const locale = i18n.resolvedLanguage ?? 'en';
  if (zones.isPending) return <Loading />;
  if (zones.isError) return <p className="muted">{errorMessage(t, zones.error)}</p>;
  if (zones.data.zones.length === 0) return <p className="muted">{t('live.zones.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="live-table">
        <caption className="visually-hidden">{t('live.zones.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('live.zones.zone')}</th>
            <th scope="col">{t('live.zones.localStart')}</th>
            <th scope="col" className="num">
              {t('live.zones.students')}
            </th>
          </tr>
        </thead>
        <tbody>
          {zones.data.zones.map((zone) => (
            <tr key={zone.timeZone}>
              <th scope="row">
                {timeZoneLabel(zone.timeZone)}
                <span className="live-table-sub">UTC{zone.utcOffset}</span>
              </th>
              <td>
                {wallClockLabel(zone.localStart, locale)}
                {zone.dayShift !== 0 ? (
                  <span className="badge badge-warning live-day-shift">{zone.dayShift < 0 ? t('live.zones.dayBefore') : t('live.zones.dayAfter')}</span>
                ) : null}
              </td>
              <td className="num">{zone.students}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
