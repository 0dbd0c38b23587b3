import { timeZoneLabel, timeZoneOffset } from '../../lib/format.ts';

export type TimeZoneOption = { value: string; label: string };
export type TimeZoneGroup = { region: string; zones: TimeZoneOption[] };

/**
 * Every IANA zone the browser knows, grouped by region ("Europe", "America"...) so a select
 * of 400+ entries stays scannable. `current` is kept even if this browser does not list it.
 */
export function timeZoneGroups(current: string, now: Date = new Date()): TimeZoneGroup[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(current);
  zones.add('UTC');
  const groups = new Map<string, TimeZoneOption[]>();
  for (const zone of [...zones].sort()) {
    const slash = zone.indexOf('/');
    const region = slash > 0 ? zone.slice(0, slash) : 'UTC';
    // The full name stays in the label: a closed select shows only the option, not its group.
    const option = { value: zone, label: `${timeZoneLabel(zone)} (${timeZoneOffset(zone, now)})` };
    groups.set(region, [...(groups.get(region) ?? []), option]);
  }
  return [...groups.entries()].map(([region, options]) => ({ region, zones: options }));
}
