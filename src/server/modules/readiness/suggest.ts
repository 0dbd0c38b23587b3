import type { Locale } from '../../../shared/schemas/common.ts';
import type { ReadinessItem, ReadinessStatus, ReasonParams, RunSheetSuggestion, SuggestedGroup, SuggestedGroupKind } from '../../../shared/schemas/readiness.ts';
import { percent, pick, reason, short, type Texts } from './texts.ts';

export type StudentStatus = { userId: string; status: ReadinessStatus };

/** The item most students got wrong: the first of the ranked list, if anyone got it wrong. */
export function weakestItem(items: ReadinessItem[]): ReadinessItem | null {
  const first = items[0];
  if (!first) return null;
  const attempts = first.answered + first.skipped;
  return attempts > 0 && first.correct < attempts ? first : null;
}

/** Misconceptions first: answered items by correct rate, then items nobody answered; ties in lesson order. */
export function rankItems<T extends { correctRate: number; answered: number; skipped: number; order: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const aNone = a.answered + a.skipped === 0;
    const bNone = b.answered + b.skipped === 0;
    if (aNone !== bNone) return aNone ? 1 : -1;
    return a.correctRate - b.correctRate || a.order - b.order;
  });
}

function groupTexts(kind: SuggestedGroupKind, weakest: ReadinessItem | null): { names: Texts; reason: Texts } {
  switch (kind) {
    case 'not_started':
      return {
        names: { en: 'Not started', fr: 'Pas commencé' },
        reason: {
          en: 'Have not started the pre-work: begin with a short guided catch-up.',
          fr: 'N’ont pas commencé le travail préparatoire : démarrer par un court rattrapage guidé.',
        },
      };
    case 'reteach_item': {
      const prompt = weakest?.prompt ?? '';
      const rate = percent(weakest?.correctRate ?? 0);
      return {
        names: { en: `Re-teach: ${short(prompt, 40)}`, fr: `Reprise : ${short(prompt, 40)}` },
        reason: {
          en: `Got “${short(prompt)}” wrong — the weakest item (${rate}% right).`,
          fr: `Se sont trompés sur « ${short(prompt)} », la question la moins réussie (${rate} % de réussite).`,
        },
      };
    }
    case 'finish_prework':
      return {
        names: { en: 'Finish the pre-work', fr: 'Finir le travail préparatoire' },
        reason: {
          en: 'Started the pre-work but have not finished the required part.',
          fr: 'Ont commencé le travail préparatoire sans terminer la partie obligatoire.',
        },
      };
    case 'extend':
      return {
        names: { en: 'Ready to extend', fr: 'Prêts à approfondir' },
        reason: weakest
          ? {
              en: 'Did all the required pre-work and got the weakest item right: give them an extension task.',
              fr: 'Ont fait tout le travail préparatoire obligatoire et réussi la question la moins réussie : proposez-leur un approfondissement.',
            }
          : {
              en: 'Did all the required pre-work: give them an extension task.',
              fr: 'Ont fait tout le travail préparatoire obligatoire : proposez-leur un approfondissement.',
            },
      };
  }
}

/**
 * Small groups from readiness, every student in exactly one: not started; re-teach of the weakest
 * item (those who got it wrong); started but not finished; ready to extend. Empty groups are left out.
 * `students` must already be in display order; groups keep it.
 */
export function suggestGroups(input: {
  students: StudentStatus[];
  weakest: ReadinessItem | null;
  wrongOnWeakest: ReadonlySet<string>;
  locale: Locale;
}): SuggestedGroup[] {
  const members: Record<SuggestedGroupKind, string[]> = { not_started: [], reteach_item: [], finish_prework: [], extend: [] };
  for (const s of input.students) {
    if (s.status === 'not_started') members.not_started.push(s.userId);
    else if (input.weakest && input.wrongOnWeakest.has(s.userId)) members.reteach_item.push(s.userId);
    else if (s.status === 'started') members.finish_prework.push(s.userId);
    else members.extend.push(s.userId);
  }
  const params = (kind: SuggestedGroupKind): ReasonParams =>
    kind === 'reteach_item' && input.weakest
      ? { activityId: input.weakest.activityId, itemId: input.weakest.itemId, prompt: input.weakest.prompt, correctRate: input.weakest.correctRate }
      : {};
  const order: SuggestedGroupKind[] = ['not_started', 'reteach_item', 'finish_prework', 'extend'];
  return order
    .filter((kind) => members[kind].length > 0)
    .map((kind) => {
      const texts = groupTexts(kind, input.weakest);
      return {
        id: kind,
        name: pick(input.locale, texts.names),
        names: texts.names,
        reason: reason(input.locale, kind, params(kind), texts.reason),
        userIds: members[kind],
      };
    });
}

export const RECAP_CHOICE_CLEAR: Texts = { en: 'Everything was clear', fr: 'Tout était clair' };
export const RECAP_QUESTION: Texts = {
  en: 'Which part of the pre-work should we go over together?',
  fr: 'Quelle partie du travail préparatoire faut-il reprendre ensemble ?',
};

/** When readiness is under the threshold: start the run-sheet with a short re-teach (or a recap poll). */
export function suggestRunSheet(input: {
  readyPercent: number;
  thresholdPercent: number;
  studentCount: number;
  weakest: ReadinessItem | null;
  locale: Locale;
}): RunSheetSuggestion | null {
  const { readyPercent: ready, thresholdPercent: threshold, weakest, locale } = input;
  if (input.studentCount === 0 || ready >= threshold) return null;
  if (weakest) {
    const rate = percent(weakest.correctRate);
    const texts: Texts = {
      en: `Only ${ready}% of the class is ready (threshold ${threshold}%). Start with a short re-teach of “${short(weakest.prompt)}” (${rate}% right).`,
      fr: `Seuls ${ready} % de la classe sont prêts (seuil ${threshold} %). Commencez par une courte reprise de « ${short(weakest.prompt)} » (${rate} % de réussite).`,
    };
    const titles: Texts = { en: `Re-teach: ${short(weakest.prompt)}`, fr: `Reprise : ${short(weakest.prompt)}` };
    return {
      code: 'reteach_first',
      params: { readyPercent: ready, thresholdPercent: threshold, activityId: weakest.activityId, itemId: weakest.itemId, prompt: weakest.prompt, correctRate: weakest.correctRate },
      text: pick(locale, texts),
      texts,
      activity: { type: 'quiz', title: pick(locale, titles), estimatedMinutes: 5, learningType: 'practice' },
    };
  }
  const texts: Texts = {
    en: `Only ${ready}% of the class is ready (threshold ${threshold}%). Start with a short recap: ask which part of the pre-work to go over.`,
    fr: `Seuls ${ready} % de la classe sont prêts (seuil ${threshold} %). Commencez par un court récapitulatif : demandez quelle partie du travail préparatoire reprendre.`,
  };
  const titles: Texts = { en: 'Recap of the pre-work', fr: 'Récapitulatif du travail préparatoire' };
  return {
    code: 'recap_first',
    params: { readyPercent: ready, thresholdPercent: threshold },
    text: pick(locale, texts),
    texts,
    activity: { type: 'poll', title: pick(locale, titles), estimatedMinutes: 5, learningType: 'discussion' },
  };
}
