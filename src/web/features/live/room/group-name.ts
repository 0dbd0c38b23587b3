import type { TFunction } from 'i18next';

/**
 * The server names groups it makes ("Group 2", at random) in English whatever the language;
 * show those in the viewer's. Names a teacher gave (or readiness suggested) stay as they are.
 */
export function groupName(t: TFunction, name: string): string {
  const match = /^Group (\d+)$/.exec(name);
  return match ? t('live.groups.defaultName', { number: Number(match[1]) }) : name;
}
