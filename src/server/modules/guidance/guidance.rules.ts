import { LearningType } from '../../../shared/schemas/activities.ts';
import type { Locale } from '../../../shared/schemas/common.ts';
import { PREWORK_MIN_OPEN_HOURS, type Guidance, type GuidanceCode, type GuidanceFlag } from '../../../shared/schemas/guidance.ts';
import type { ReasonParams } from '../../../shared/schemas/readiness.ts';
import { pick, type Texts } from '../readiness/texts.ts';

export type GuidanceActivity = {
  id: string;
  phase: 'pre' | 'live' | 'post';
  type: string;
  title: string;
  required: number;
  estimated_minutes: number | null;
  opens_at: string | null;
  due_at: string | null;
  learning_type: string | null;
};

export type GuidanceInput = {
  lessonId: string;
  activities: GuidanceActivity[];
  live: { starts_at: string; duration_minutes: number } | null;
  preworkBudgetMinutes: number;
  locale: Locale;
};

/** Steps where students interact: a poll, a question, a group or a discussion. */
const INTERACTIVE_TYPES = new Set(['poll', 'quiz', 'question_box', 'discussion']);
const INTERACTIVE_LEARNING = new Set(['discussion', 'collaboration']);
/** Types that present content: in a live session without a learning type, they count as acquisition. */
const PRESENTING_TYPES = new Set(['page', 'video']);

export function isLiveAcquisition(a: GuidanceActivity): boolean {
  return a.phase === 'live' && (a.learning_type === 'acquisition' || (a.learning_type === null && PRESENTING_TYPES.has(a.type)));
}

const FIX_LABELS: Partial<Record<GuidanceCode, Texts>> = {
  live_acquisition: { en: 'Move it to pre-work', fr: 'Le passer en travail préparatoire' },
  no_prework: { en: 'Add a pre-work activity', fr: 'Ajouter un travail préparatoire' },
  no_postwork: { en: 'Add a post-work activity', fr: 'Ajouter un travail de consolidation' },
  prework_due_after_start: { en: 'Make it due when the session starts', fr: 'Le rendre pour le début de la séance' },
  prework_opens_late: { en: 'Open it earlier', fr: 'L’ouvrir plus tôt' },
  live_no_interaction: { en: 'Add a check-in poll', fr: 'Ajouter un sondage de départ' },
};

const minutes = (list: GuidanceActivity[]) => list.reduce((sum, a) => sum + Number(a.estimated_minutes ?? 0), 0);

/** The lesson's time use and its design flags; pure, so each rule is testable on its own. */
export function computeGuidance(input: GuidanceInput): Guidance {
  const { activities, live, locale } = input;
  const byPhase = (phase: GuidanceActivity['phase']) => activities.filter((a) => a.phase === phase);
  const pre = byPhase('pre');
  const liveSteps = byPhase('live');
  const post = byPhase('post');
  const hasLive = live !== null || liveSteps.length > 0;
  const startsAt = live?.starts_at ?? null;
  const requiredPre = minutes(pre.filter((a) => a.required === 1));
  const flags: GuidanceFlag[] = [];

  const flag = (code: GuidanceCode, severity: GuidanceFlag['severity'], activityId: string | null, params: ReasonParams, texts: Texts) => {
    const fix = FIX_LABELS[code];
    flags.push({ code, severity, activityId, params, text: pick(locale, texts), texts, fix: fix ? { code, label: pick(locale, fix), labels: fix } : null });
  };

  for (const a of liveSteps.filter(isLiveAcquisition)) {
    const m = Number(a.estimated_minutes ?? 0);
    flag('live_acquisition', 'warning', a.id, { activityId: a.id, title: a.title, minutes: m }, {
      en: `“${a.title}” presents content in the live session${m ? ` (${m} min)` : ''}. As pre-work it would leave live time for discussion and practice.`,
      fr: `« ${a.title} » présente du contenu pendant la séance en direct${m ? ` (${m} min)` : ''}. En travail préparatoire, il laisserait le direct à la discussion et à la pratique.`,
    });
  }

  if (input.preworkBudgetMinutes > 0 && requiredPre > input.preworkBudgetMinutes) {
    flag('prework_over_budget', 'warning', null, { minutes: requiredPre, budget: input.preworkBudgetMinutes }, {
      en: `The required pre-work takes about ${requiredPre} min, more than the course budget of ${input.preworkBudgetMinutes} min.`,
      fr: `Le travail préparatoire obligatoire demande environ ${requiredPre} min, plus que le budget du cours (${input.preworkBudgetMinutes} min).`,
    });
  }

  if (hasLive && pre.length === 0) {
    flag('no_prework', 'warning', null, {}, {
      en: 'This live session has no pre-work: students arrive unprepared and live time goes to presenting.',
      fr: 'Cette séance en direct n’a pas de travail préparatoire : les élèves arrivent sans préparation et le direct sert à exposer.',
    });
  }

  if (hasLive && post.length === 0) {
    flag('no_postwork', 'info', null, {}, {
      en: 'There is no post-work after the live session to consolidate what was learned.',
      fr: 'Aucun travail de consolidation ne suit la séance en direct pour ancrer ce qui a été appris.',
    });
  }

  if (startsAt) {
    const start = new Date(startsAt).getTime();
    const latestOpening = new Date(start - PREWORK_MIN_OPEN_HOURS * 3_600_000).toISOString();
    for (const a of pre) {
      if (a.due_at && new Date(a.due_at).getTime() > start) {
        flag('prework_due_after_start', 'warning', a.id, { activityId: a.id, title: a.title, dueAt: a.due_at, startsAt }, {
          en: `“${a.title}” is due after the live session starts.`,
          fr: `« ${a.title} » est à rendre après le début de la séance en direct.`,
        });
      }
      if (a.opens_at && new Date(a.opens_at).toISOString() > latestOpening) {
        flag('prework_opens_late', 'warning', a.id, { activityId: a.id, title: a.title, opensAt: a.opens_at, startsAt, hours: PREWORK_MIN_OPEN_HOURS }, {
          en: `“${a.title}” opens less than ${PREWORK_MIN_OPEN_HOURS} hours before the live session: too late for everyone to do it.`,
          fr: `« ${a.title} » ouvre moins de ${PREWORK_MIN_OPEN_HOURS} heures avant la séance en direct : trop tard pour que tous le fassent.`,
        });
      }
    }
  }

  const interactive = liveSteps.some((a) => INTERACTIVE_TYPES.has(a.type) || (a.learning_type !== null && INTERACTIVE_LEARNING.has(a.learning_type)));
  if (hasLive && !interactive) {
    flag('live_no_interaction', 'warning', null, {}, {
      en: 'The live session has no interaction: no poll, question, group or discussion step.',
      fr: 'La séance en direct n’a aucune interaction : ni sondage, ni question, ni groupe, ni discussion.',
    });
  }

  const learningTypes = [...LearningType.options, 'unclassified' as const];
  const byLearningType = learningTypes
    .map((learningType) => {
      const of = activities.filter((a) => (a.learning_type ?? 'unclassified') === learningType);
      const p = { pre: 0, live: 0, post: 0 };
      for (const a of of) p[a.phase] += Number(a.estimated_minutes ?? 0);
      return { learningType, ...p, total: p.pre + p.live + p.post, count: of.length };
    })
    .filter((row) => row.count > 0)
    .map(({ count: _count, ...row }) => row);

  const m = { pre: minutes(pre), live: minutes(liveSteps), post: minutes(post) };
  return {
    lessonId: input.lessonId,
    liveStartsAt: startsAt,
    liveDurationMinutes: live ? Number(live.duration_minutes) : null,
    preworkBudgetMinutes: input.preworkBudgetMinutes,
    minutes: { ...m, total: m.pre + m.live + m.post },
    requiredPreworkMinutes: requiredPre,
    byLearningType,
    flags,
  };
}
