import { z } from 'zod';
import type { Locale } from '../../../shared/schemas/common.ts';

/** What a readiness nudge notification stores; rendered in the reader's language when listed. */
export const NudgeData = z.object({
  lessonId: z.string(),
  lessonTitle: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  teacherName: z.string(),
  minutes: z.int(),
  liveStartsAt: z.string().nullable(),
});
export type NudgeData = z.infer<typeof NudgeData>;

export const NUDGE_KIND = 'prework_nudge';

function when(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

const NUDGE = {
  en: {
    title: (d: NudgeData) => `Pre-work waiting: “${d.lessonTitle}”`,
    text: (d: NudgeData, timeZone: string) =>
      `${d.teacherName} reminds you of the pre-work for “${d.lessonTitle}” in ${d.courseTitle} (about ${d.minutes} min)` +
      (d.liveStartsAt ? `, before the live session on ${when(d.liveStartsAt, 'en', timeZone)}.` : '.'),
    email: (d: NudgeData, name: string, url: string, timeZone: string) =>
      `Hello ${name},\n\n${NUDGE.en.text(d, timeZone)}\n\nDoing it first means the live session can be spent on discussion and help rather than on presenting.\n\nStart it in Tandem: ${url}\n`,
  },
  fr: {
    title: (d: NudgeData) => `Travail préparatoire en attente : « ${d.lessonTitle} »`,
    text: (d: NudgeData, timeZone: string) =>
      `${d.teacherName} vous rappelle le travail préparatoire de « ${d.lessonTitle} » dans ${d.courseTitle} (environ ${d.minutes} min)` +
      (d.liveStartsAt ? `, avant la séance en direct du ${when(d.liveStartsAt, 'fr', timeZone)}.` : '.'),
    email: (d: NudgeData, name: string, url: string, timeZone: string) =>
      `Bonjour ${name},\n\n${NUDGE.fr.text(d, timeZone)}\n\nLe faire avant permet de consacrer la séance en direct à la discussion et à l’aide plutôt qu’à l’exposé.\n\nLe commencer dans Tandem : ${url}\n`,
  },
} as const;

export function nudgeTexts(locale: Locale) {
  return NUDGE[locale] ?? NUDGE.en;
}

/** For the notifications list: title, text and link of a stored nudge, in the reader's language. */
export function presentNudge(data: unknown, reader: { locale: Locale; time_zone: string }): { title: string; text: string; link: string | null; data: Record<string, unknown> } | null {
  const parsed = NudgeData.safeParse(data);
  if (!parsed.success) return null;
  const texts = nudgeTexts(reader.locale);
  return { title: texts.title(parsed.data), text: texts.text(parsed.data, reader.time_zone), link: `/lessons/${parsed.data.lessonId}`, data: parsed.data };
}
