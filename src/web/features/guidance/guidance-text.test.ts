import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { GUIDANCE_CODES, type GuidanceFlag } from '../../../shared/schemas/guidance.ts';
import { computeGuidance, type GuidanceActivity } from '../../../server/modules/guidance/guidance.rules.ts';
import en from '../../i18n/locales/en.json' with { type: 'json' };
import fr from '../../i18n/locales/fr.json' with { type: 'json' };
import { fixLabel, fixedMessage, flagReason } from './guidance-text.ts';

// The panel words flags from their code and params; these must say what the server says in
// `texts`, in both languages, for every rule (so the two never drift apart).
const start = '2026-12-01T09:00:00.000Z';
const activity = (a: Partial<GuidanceActivity> & Pick<GuidanceActivity, 'id' | 'phase' | 'type'>): GuidanceActivity => ({
  title: `Title ${a.id}`, required: 1, estimated_minutes: 10, opens_at: null, due_at: null, learning_type: null, ...a,
});
/** One design raising all seven flags, and one live step without minutes. */
function allFlags(): GuidanceFlag[] {
  const activities = [
    activity({ id: 'late', phase: 'pre', type: 'page', title: 'Read “this”', estimated_minutes: 50, due_at: '2026-12-01T10:00:00.000Z', opens_at: '2026-12-01T08:00:00.000Z' }),
    activity({ id: 'talk', phase: 'live', type: 'page', title: 'Lecture', estimated_minutes: 20 }),
    activity({ id: 'clip', phase: 'live', type: 'video', title: 'Clip', estimated_minutes: null }),
  ];
  const withPre = computeGuidance({ lessonId: 'l', activities, live: { starts_at: start, duration_minutes: 60 }, preworkBudgetMinutes: 30, locale: 'en' }).flags;
  const withoutPre = computeGuidance({ lessonId: 'l', activities: activities.filter((a) => a.phase !== 'pre'), live: { starts_at: start, duration_minutes: 60 }, preworkBudgetMinutes: 30, locale: 'en' }).flags;
  return [...withPre, ...withoutPre.filter((f) => f.code === 'no_prework')];
}

describe('design guidance wording', () => {
  const t: Record<'en' | 'fr', TFunction> = {} as Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
    t.en = i18n.getFixedT('en');
    t.fr = i18n.getFixedT('fr');
  });

  it('covers every rule', () => {
    expect(new Set(allFlags().map((f) => f.code))).toEqual(new Set(GUIDANCE_CODES));
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`words every flag and fix as the server does (${lang})`, () => {
      for (const flag of allFlags()) {
        expect(flagReason(t[lang], flag, lang)).toBe(flag.texts[lang]);
        if (flag.fix) expect(fixLabel(t[lang], flag, lang)).toBe(flag.fix.labels[lang]);
        expect(fixedMessage(t[lang], flag)).not.toBe('');
      }
    });
  }

  it('falls back to the server’s words for a code it does not know', () => {
    const flag = { ...allFlags()[0]!, code: 'made_up', texts: { en: 'New rule', fr: 'Nouvelle règle' } } as unknown as GuidanceFlag;
    expect(flagReason(t.fr, flag, 'fr')).toBe('Nouvelle règle');
  });
});
