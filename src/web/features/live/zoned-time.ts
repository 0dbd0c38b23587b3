/**
 * Wall-clock times in a named zone without a date library: the schedule form takes the start in
 * the teacher's zone ("2026-11-25T19:00" in Europe/Paris), whatever zone the browser is in.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(formatFor(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in winter: +3 600 000). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-11-25T19:00" in `timeZone` → the UTC instant (ISO). A time skipped by a daylight-saving
 * jump resolves to the hour after; a repeated one to its first occurrence. Null when malformed.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, m, d, h, min] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  if (Number.isNaN(asUtc)) return null;
  // The offsets on either side of any change near that time; keep those that really give that wall clock.
  const before = offsetAt(asUtc - 12 * 3_600_000, timeZone);
  const after = offsetAt(asUtc + 12 * 3_600_000, timeZone);
  const valid = [asUtc - before, asUtc - after].filter((t) => offsetAt(t, timeZone) === asUtc - t);
  // None: the clock jumped over it, so take it with the offset from before the jump (an hour later).
  const instant = valid.length ? Math.min(...valid) : asUtc - before;
  return new Date(instant).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (a datetime-local value). */
export function instantToZoned(instant: string | Date, timeZone: string): string {
  const w = wallClock(typeof instant === 'string' ? Date.parse(instant) : instant.getTime(), timeZone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.min)}`;
}
