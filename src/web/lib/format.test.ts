import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, timeZoneLabel, timeZoneOffset } from './format.ts';

const instant = '2026-11-25T23:30:00Z';

describe('format', () => {
  it('puts an instant on the day it is in the viewer’s zone', () => {
    expect(formatDate(instant, { locale: 'en', timeZone: 'UTC' })).toBe('Nov 25, 2026');
    expect(formatDate(instant, { locale: 'en', timeZone: 'Europe/Paris' })).toBe('Nov 26, 2026');
    expect(formatDate(instant, { locale: 'fr', timeZone: 'Europe/Paris' })).toBe('26 nov. 2026');
  });

  it('shows wall-clock times in the locale’s style', () => {
    expect(formatTime(instant, { locale: 'fr', timeZone: 'America/Montreal' })).toBe('18:30');
    expect(formatTime(instant, { locale: 'en', timeZone: 'America/Montreal' })).toMatch(/^6:30\sPM$/);
    expect(formatDateTime(instant, { locale: 'en', timeZone: 'UTC' })).toContain('11:30');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(formatDate(instant, { locale: 'en', timeZone: 'Mars/Olympus_Mons' })).toBe('Nov 25, 2026');
  });

  it('names offsets and zones readably', () => {
    expect(timeZoneOffset('Asia/Kolkata')).toBe('UTC+05:30');
    expect(timeZoneOffset('UTC')).toBe('UTC+00:00');
    expect(timeZoneOffset('America/St_Johns', new Date('2026-01-15T12:00:00Z'))).toBe('UTC-03:30');
    expect(timeZoneLabel('America/Port_of_Spain')).toBe('America/Port of Spain');
  });
});
