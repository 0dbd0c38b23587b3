import type { Locale } from '../../../shared/schemas/common.ts';
import type { Guidance, GuidanceCode } from '../../../shared/schemas/guidance.ts';
import { ApiError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { nowIso } from '../../lib/ids.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import { snippetBody } from '../lesson-templates/snippet-body.ts';
import { CHECK_IN_POLL, POSTWORK_REFLECTION, PREWORK_PAGE } from '../lesson-templates/templates.ts';
import type { ReadinessRepository } from '../readiness/readiness.repository.ts';
import { computeGuidance } from './guidance.rules.ts';

type Caller = { id: string; locale: Locale };

const DAY_MS = 24 * 3_600_000;
/** Where "open it earlier" moves a late opening: a week before the session (or now, if that has passed). */
const OPEN_BEFORE_MS = 7 * DAY_MS;

const PER_ACTIVITY: ReadonlySet<GuidanceCode> = new Set(['live_acquisition', 'prework_due_after_start', 'prework_opens_late']);

export function createGuidanceService(deps: {
  lessons: LessonsRepository;
  policy: CoursePolicy;
  readiness: ReadinessRepository;
  activities: ActivitiesRepository;
  activityService: ActivitiesService;
}) {
  const { lessons, policy, readiness } = deps;

  async function load(lessonId: string, caller: Caller) {
    const lesson = await lessons.findById(lessonId);
    if (!lesson) throw notFound('Lesson not found');
    const course = await policy.requireTeacher(lesson.course_id, caller.id);
    const [activities, live] = await Promise.all([readiness.activities(lesson.id), readiness.liveSession(lesson.id)]);
    const guidance = computeGuidance({
      lessonId: lesson.id,
      activities,
      live: live ?? null,
      preworkBudgetMinutes: Number(course.prework_budget_minutes),
      locale: caller.locale,
    });
    return { lesson, guidance, activities, live };
  }

  /** Puts a (just created or moved) live activity first on the run-sheet. */
  async function moveFirstInLive(lessonId: string, activityId: string): Promise<void> {
    const live = (await deps.activities.listForLesson(lessonId)).filter((a) => a.phase === 'live' && a.id !== activityId);
    const layout = [activityId, ...live.map((a) => a.id)].map((id, position) => ({ id, phase: 'live' as const, position }));
    await deps.activities.setLayout(lessonId, layout, nowIso());
  }

  return {
    async guidance(lessonId: string, caller: Caller): Promise<Guidance> {
      return (await load(lessonId, caller)).guidance;
    },

    /** Applies the one-click fix of a flag that is present now; 409 when there is nothing (left) to fix. */
    async fix(lessonId: string, caller: Caller, input: { code: GuidanceCode; activityId?: string | undefined }): Promise<{ fixed: { code: GuidanceCode; activityId: string | null }; guidance: Guidance }> {
      const { lesson, guidance, activities, live } = await load(lessonId, caller);
      if (PER_ACTIVITY.has(input.code) && !input.activityId) throw badRequest('activity_required', 'This fix applies to one activity: give its activityId', 'body.activityId');
      const flag = guidance.flags.find((f) => f.code === input.code && (!PER_ACTIVITY.has(input.code) || f.activityId === input.activityId));
      if (!flag) throw conflict('nothing_to_fix', 'This lesson does not have this problem (any more)');
      if (!flag.fix) throw new ApiError(409, 'no_automatic_fix', 'There is no one-click fix for this; change the lesson by hand');
      const activity = activities.find((a) => a.id === flag.activityId);
      const startsAt = live?.starts_at ?? null;
      const userId = caller.id;

      switch (input.code) {
        case 'live_acquisition': {
          // Moved to the end of pre-work; due when the session starts, if there is one.
          const opensOk = !activity?.opens_at || !startsAt || activity.opens_at < startsAt;
          await deps.activityService.update(flag.activityId!, userId, {
            phase: 'pre',
            ...(startsAt ? { dueAt: startsAt } : {}),
            ...(opensOk ? {} : { opensAt: null }),
          });
          break;
        }
        case 'no_prework':
          await deps.activityService.create(lesson.id, userId, snippetBody(PREWORK_PAGE, caller.locale, { dueAt: startsAt }));
          break;
        case 'no_postwork': {
          const start = startsAt ? new Date(startsAt).getTime() : null;
          const dates = start !== null && live ? { opensAt: new Date(start + Number(live.duration_minutes) * 60_000).toISOString(), dueAt: new Date(start + 7 * DAY_MS).toISOString() } : {};
          await deps.activityService.create(lesson.id, userId, snippetBody(POSTWORK_REFLECTION, caller.locale, dates));
          break;
        }
        case 'prework_due_after_start': {
          const opensOk = !activity?.opens_at || activity.opens_at < startsAt!;
          await deps.activityService.update(flag.activityId!, userId, { dueAt: startsAt, ...(opensOk ? {} : { opensAt: null }) });
          break;
        }
        case 'prework_opens_late': {
          const earlier = new Date(new Date(startsAt!).getTime() - OPEN_BEFORE_MS).toISOString();
          const usable = earlier > nowIso() && (!activity?.due_at || earlier < activity.due_at);
          await deps.activityService.update(flag.activityId!, userId, { opensAt: usable ? earlier : null });
          break;
        }
        case 'live_no_interaction': {
          const poll = await deps.activityService.create(lesson.id, userId, snippetBody(CHECK_IN_POLL, caller.locale));
          await moveFirstInLive(lesson.id, poll.id);
          break;
        }
        case 'prework_over_budget':
          break;
      }
      return { fixed: { code: input.code, activityId: flag.activityId }, guidance: (await load(lessonId, caller)).guidance };
    },
  };
}
export type GuidanceService = ReturnType<typeof createGuidanceService>;
