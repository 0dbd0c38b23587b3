/** Who the dates are for: the UI language and the viewer's IANA time zone. */
export type FormatContext = { locale: string; timeZone: string };

const cache = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat is slow next to using one; lists format many dates with few options. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown zone must not break a page: show UTC rather than nothing.
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** "25 Nov 2026" / "Nov 25, 2026", in the viewer's zone (an instant can fall on another day there). */
export function formatDate(value: string | Date, { locale, timeZone }: FormatContext): string {
  return formatter(locale, { dateStyle: 'medium', timeZone }).format(toDate(value));
}

/** "Wed 25 Nov 2026, 19:00" style, for anything scheduled. */
export function formatDateTime(value: string | Date, { locale, timeZone }: FormatContext): string {
  return formatter(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(toDate(value));
}

/** The wall-clock time in a zone, e.g. a classmate's "14:05" or "2:05 PM". */
export function formatTime(value: string | Date, { locale, timeZone }: FormatContext): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(toDate(value));
}

/** The zone's offset from UTC at that moment, e.g. "UTC+01:00"; the same in every language. */
export function timeZoneOffset(timeZone: string, at: Date = new Date()): string {
  const parts = formatter('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const gmt = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  // Engines write UTC itself as "GMT" or "GMT+00:00"; settle on one spelling.
  return gmt === 'GMT' ? 'UTC+00:00' : gmt.replace('GMT', 'UTC');
}

/** "America/Port_of_Spain" → "America/Port of Spain": the IANA name, readable. */
export function timeZoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

/** The browser's own zone, which sign-up sends and account settings offer. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
