import { Targeting, type TargetRuleChoice } from '../../../shared/schemas/targets.ts';
import { badRequest } from '../../lib/errors.ts';
import { nowIso } from '../../lib/ids.ts';
import type { ActivityAccessPolicy } from '../activities/activity-access.ts';
import type { ReadinessRepository } from '../readiness/readiness.repository.ts';
import { byName } from '../readiness/texts.ts';
import type { TargetsRepository } from './targets.repository.ts';

type Rule = TargetRuleChoice;

export function createTargetsService(deps: { targets: TargetsRepository; readiness: ReadinessRepository; access: ActivityAccessPolicy }) {
  const { targets, readiness, access } = deps;

  async function present(activityId: string): Promise<Targeting | null> {
    const row = await targets.findTargeting(activityId);
    if (!row) return null;
    const students = (await targets.targetsOf(activityId))
      .map((t) => ({ id: t.user_id, name: t.name }))
      .sort(byName('en'))
      .map((t) => ({ userId: t.id, name: t.name }));
    return { activityId, rule: Targeting.shape.rule.parse(row.rule), params: JSON.parse(row.params), students, createdAt: row.created_at };
  }

  /** The students a rule picks among the course's current students, and the params it used. */
  async function resolve(rule: Rule, lesson: { id: string; course_id: string }, studentIds: string[]): Promise<{ userIds: string[]; params: Record<string, unknown> }> {
    const activities = await readiness.activities(lesson.id);
    const roster = new Set(studentIds);
    switch (rule.rule) {
      case 'missed_exit_poll': {
        const polls = activities.filter((a) => a.phase === 'live' && a.type === 'poll');
        const poll = rule.pollActivityId ? polls.find((a) => a.id === rule.pollActivityId) : polls.at(-1);
        if (!poll) {
          throw rule.pollActivityId
            ? badRequest('invalid_poll', 'pollActivityId must be a live poll of this lesson', 'body.pollActivityId')
            : badRequest('no_exit_poll', 'This lesson has no live poll to use as an exit poll', 'body.rule');
        }
        const answered = new Set((await targets.answered(poll.id)).map((r) => r.user_id));
        return { userIds: studentIds.filter((id) => !answered.has(id)), params: { pollActivityId: poll.id } };
      }
      case 'absent': {
        if (!(await readiness.liveSession(lesson.id))) throw badRequest('no_live_session', 'This lesson has no live session to be absent from', 'body.rule');
        const present = new Set((await targets.attended(lesson.id)).map((r) => r.user_id));
        return { userIds: studentIds.filter((id) => !present.has(id)), params: {} };
      }
      case 'below_score': {
        const quiz = activities.find((a) => a.id === rule.quizActivityId && a.type === 'quiz');
        if (!quiz) throw badRequest('invalid_quiz', 'quizActivityId must be a quiz of this lesson', 'body.quizActivityId');
        const scores = new Map((await targets.scores(quiz.id)).map((r) => [r.user_id, r]));
        const below = studentIds.filter((id) => {
          const s = scores.get(id);
          if (!s || !s.max_score) return rule.includeMissing;
          return (100 * Number(s.score)) / Number(s.max_score) < rule.threshold;
        });
        return { userIds: below, params: { quizActivityId: quiz.id, threshold: rule.threshold, includeMissing: rule.includeMissing } };
      }
      case 'manual': {
        const unknown = rule.userIds.findIndex((id) => !roster.has(id));
        if (unknown >= 0) throw badRequest('unknown_student', 'Every target must be a student of the course', `body.userIds.${unknown}`);
        const chosen = new Set(rule.userIds);
        return { userIds: studentIds.filter((id) => chosen.has(id)), params: {} };
      }
    }
  }

  return {
    async get(activityId: string, userId: string): Promise<Targeting | null> {
      await access.forTeacher(activityId, userId);
      return present(activityId);
    },

    /** Gives a post-work activity only to the students the rule picks (replacing earlier targeting). */
    async set(activityId: string, userId: string, rule: Rule): Promise<Targeting> {
      const { activity } = await access.forTeacher(activityId, userId);
      if (activity.phase !== 'post') throw badRequest('not_postwork', 'Only post-work activities can be given to some students', 'params.activityId');
      const studentIds = (await readiness.students(activity.course_id)).map((s) => s.id);
      const { userIds, params } = await resolve(rule, { id: activity.lesson_id, course_id: activity.course_id }, studentIds);
      await targets.replace(
        { activity_id: activity.id, course_id: activity.course_id, lesson_id: activity.lesson_id, rule: rule.rule, params: JSON.stringify(params), created_by: userId, created_at: nowIso() },
        userIds,
      );
      return (await present(activity.id))!;
    },

    /** Back to everyone. */
    async clear(activityId: string, userId: string): Promise<void> {
      await access.forTeacher(activityId, userId);
      await targets.clear(activityId);
    },
  };
}
export type TargetsService = ReturnType<typeof createTargetsService>;
