import type { TFunction } from 'i18next';
import { GUIDANCE_CODES, type GuidanceCode, type GuidanceFlag } from '../../../shared/schemas/guidance.ts';

export type Lang = 'en' | 'fr';

const isKnown = (code: string): code is GuidanceCode => (GUIDANCE_CODES as readonly string[]).includes(code);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' ? value : 0);

/**
 * A flag's reason in the reader's language, worded from its code and params (as the readiness
 * page does); a code this build does not know falls back to the server's own words.
 */
export function flagReason(t: TFunction, flag: GuidanceFlag, lang: Lang): string {
  if (!isKnown(flag.code)) return flag.texts[lang];
  const p = flag.params;
  switch (flag.code) {
    case 'live_acquisition':
      return count(p.minutes) > 0
        ? t('lesson.guidance.reasons.live_acquisition_minutes', { title: text(p.title), minutes: count(p.minutes) })
        : t('lesson.guidance.reasons.live_acquisition', { title: text(p.title) });
    case 'prework_over_budget':
      return t('lesson.guidance.reasons.prework_over_budget', { minutes: count(p.minutes), budget: count(p.budget) });
    case 'prework_due_after_start':
      return t('lesson.guidance.reasons.prework_due_after_start', { title: text(p.title) });
    case 'prework_opens_late':
      return t('lesson.guidance.reasons.prework_opens_late', { title: text(p.title), hours: count(p.hours) });
    default:
      return t(`lesson.guidance.reasons.${flag.code}`);
  }
}

/** The fix button's words. */
export function fixLabel(t: TFunction, flag: GuidanceFlag, lang: Lang): string {
  if (!flag.fix) return '';
  return isKnown(flag.fix.code) && flag.fix.code !== 'prework_over_budget' ? t(`lesson.guidance.fix.${flag.fix.code}`) : flag.fix.labels[lang];
}

/** What the toast says once a fix went through. */
export function fixedMessage(t: TFunction, flag: GuidanceFlag): string {
  const title = text(flag.params.title);
  switch (flag.code) {
    case 'live_acquisition':
    case 'prework_due_after_start':
    case 'prework_opens_late':
      return t(`lesson.guidance.fixed.${flag.code}`, { title });
    case 'no_prework':
    case 'no_postwork':
    case 'live_no_interaction':
      return t(`lesson.guidance.fixed.${flag.code}`);
    default:
      return t('lesson.guidance.fixed.other');
  }
}
