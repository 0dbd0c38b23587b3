import { DateTime } from 'luxon';

/**
 * Weekly start instants computed in the teacher's zone, so the wall-clock time holds across
 * daylight-saving changes (9:00 in Paris is 08:00Z in winter and 07:00Z in summer).
 */
export function weeklyStarts(firstStartsAt: string, timeZone: string, count: number, intervalWeeks = 1): string[] {
  const first = DateTime.fromISO(firstStartsAt, { setZone: true }).setZone(timeZone);
  if (!first.isValid) throw new Error(`Invalid start ${firstStartsAt} in ${timeZone}`);
  return Array.from({ length: count }, (_, i) => first.plus({ weeks: i * intervalWeeks }).toUTC().toISO({ suppressMilliseconds: false })!);
}

/** Where a start instant falls in each zone: wall-clock time, offset and day shift from a reference zone. */
export function localStart(startsAt: string, timeZone: string, referenceZone: string) {
  const instant = DateTime.fromISO(startsAt, { zone: 'utc' });
  const local = instant.setZone(timeZone);
  const reference = instant.setZone(referenceZone);
  const dayShift = Math.round(local.startOf('day').setZone('utc', { keepLocalTime: true }).diff(reference.startOf('day').setZone('utc', { keepLocalTime: true }), 'days').days);
  return { localStart: local.toFormat("yyyy-MM-dd'T'HH:mm"), utcOffset: local.toFormat('ZZ'), dayShift };
}
