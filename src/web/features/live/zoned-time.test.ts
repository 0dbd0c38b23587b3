import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './zoned-time.ts';

describe('zoned wall-clock times', () => {
  it('reads a start in the teacher zone, whatever the browser zone', () => {
    expect(zonedToInstant('2026-11-25T19:00', 'Europe/Paris')).toBe('2026-11-25T18:00:00.000Z');
    expect(zonedToInstant('2026-07-01T19:00', 'Europe/Paris')).toBe('2026-07-01T17:00:00.000Z');
    expect(zonedToInstant('2026-11-25T19:00', 'America/New_York')).toBe('2026-11-26T00:00:00.000Z');
    expect(zonedToInstant('2026-11-25T09:30', 'Asia/Kolkata')).toBe('2026-11-25T04:00:00.000Z');
  });

  it('settles daylight-saving gaps and overlaps', () => {
    // 02:30 does not exist in Paris on 29 March 2026: it becomes 03:30 local (01:30 UTC).
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first one (still summer time).
    expect(zonedToInstant('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('writes an instant back on the zone wall clock, round-tripping', () => {
    expect(instantToZoned('2026-11-25T18:00:00Z', 'Europe/Paris')).toBe('2026-11-25T19:00');
    expect(instantToZoned('2026-11-26T00:00:00Z', 'America/New_York')).toBe('2026-11-25T19:00');
    for (const zone of ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Australia/Adelaide', 'Pacific/Chatham']) {
      expect(instantToZoned(zonedToInstant('2026-05-10T08:15', zone)!, zone)).toBe('2026-05-10T08:15');
    }
  });

  it('refuses malformed input', () => {
    expect(zonedToInstant('25/11/2026 19:00', 'Europe/Paris')).toBeNull();
    expect(zonedToInstant('', 'UTC')).toBeNull();
  });
});
