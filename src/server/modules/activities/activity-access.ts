import { forbidden, notFound } from '../../lib/errors.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CourseWithRole } from '../courses/courses.repository.ts';
import type { ActivitiesRepository, ActivityRow } from './activities.repository.ts';

export type ActivityAccess = { activity: ActivityRow; course: CourseWithRole };

/**
 * Finds an activity for a caller: 404 when it does not exist or they are not in its course
 * (so an activity of another course is indistinguishable from a missing one), and for a student
 * when it is targeted to other students or is someone else's catch-up copy.
 */
export function createActivityAccess(deps: {
  activities: ActivitiesRepository;
  policy: CoursePolicy;
  /** Targeted post-work and catch-up copies (src/server/modules/targets/visibility.ts). */
  visibility?: { hiddenFor(userId: string, activityIds: string[]): Promise<Set<string>> } | undefined;
}) {
  async function forMember(activityId: string, userId: string): Promise<ActivityAccess> {
    const activity = await deps.activities.findById(activityId);
    if (!activity) throw notFound('Activity not found');
    const course = await deps.policy.requireMember(activity.course_id, userId).catch(() => {
      throw notFound('Activity not found');
    });
    if (course.role === 'student' && deps.visibility && (await deps.visibility.hiddenFor(userId, [activityId])).has(activityId)) throw notFound('Activity not found');
    return { activity, course };
  }
  return {
    forMember,
    async forTeacher(activityId: string, userId: string): Promise<ActivityAccess> {
      const access = await forMember(activityId, userId);
      if (access.course.role !== 'teacher') throw forbidden('Only the course teachers can do this');
      return access;
    },
    async forStudent(activityId: string, userId: string): Promise<ActivityAccess> {
      const access = await forMember(activityId, userId);
      if (access.course.role !== 'student') throw forbidden('Only students of the course have responses');
      return access;
    },
  };
}
export type ActivityAccessPolicy = ReturnType<typeof createActivityAccess>;
