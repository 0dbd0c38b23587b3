import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/schemas/common.ts';

/** What live-session reminders and calendar events say, in the reader's language and zone. */
const TEXTS = {
  en: {
    event: (lesson: string, course: string) => `Live session: ${lesson} (${course})`,
    cancelled: 'Cancelled',
    join: 'Join',
    room: 'Live room in Tandem',
    place: 'Place',
    due: (activity: string, course: string) => `Due: ${activity} (${course})`,
    dueDescription: (lesson: string) => `Pre-work for the live session “${lesson}”.`,
    calendarName: 'Tandem',
    reminderTitle: (lesson: string) => `Live session soon: ${lesson}`,
    reminderText: (lesson: string, course: string, when: string, left: number) =>
      `“${lesson}” (${course}) starts ${when}.` + (left > 0 ? ` You still have ${left} pre-work ${left === 1 ? 'activity' : 'activities'} to finish.` : ''),
    reminderEmail: (name: string, text: string, url: string) => `Hello ${name},\n\n${text}\n\nOpen the lesson in Tandem: ${url}\n`,
  },
  fr: {
    event: (lesson: string, course: string) => `Séance en direct : ${lesson} (${course})`,
    cancelled: 'Annulée',
    join: 'Rejoindre',
    room: 'Salle en direct dans Tandem',
    place: 'Lieu',
    due: (activity: string, course: string) => `À rendre : ${activity} (${course})`,
    dueDescription: (lesson: string) => `Travail préparatoire pour la séance « ${lesson} ».`,
    calendarName: 'Tandem',
    reminderTitle: (lesson: string) => `Séance en direct bientôt : ${lesson}`,
    reminderText: (lesson: string, course: string, when: string, left: number) =>
      `« ${lesson} » (${course}) commence ${when}.` + (left > 0 ? ` Il vous reste ${left} activité${left > 1 ? 's' : ''} de travail préparatoire à terminer.` : ''),
    reminderEmail: (name: string, text: string, url: string) => `Bonjour ${name},\n\n${text}\n\nOuvrir la leçon dans Tandem : ${url}\n`,
  },
} as const;

export function liveTexts(locale: Locale) {
  return TEXTS[locale] ?? TEXTS.en;
}

/** "on Wednesday 25 November at 09:00" in the reader's zone and language. */
export function formatWhen(instant: string, locale: Locale, timeZone: string): string {
  const at = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).setLocale(locale);
  return locale === 'fr' ? `le ${at.toFormat("cccc d LLLL 'à' HH'h'mm")}` : `on ${at.toFormat("cccc d LLLL 'at' HH:mm")}`;
}
