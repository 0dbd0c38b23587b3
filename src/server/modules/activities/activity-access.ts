import { forbidden, notFound } from '../../lib/errors.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CourseWithRole } from '../courses/courses.repository.ts';
import type { ActivitiesRepository, ActivityRow } from './activities.repository.ts';

export type ActivityAccess = { activity: ActivityRow; course: CourseWithRole };

/**
 * Finds an activity for a caller: 404 when it does not exist or they are not in its course
 * (so an activity of another course is indistinguishable from a missing one).
 */
export function createActivityAccess(deps: { activities: ActivitiesRepository; policy: CoursePolicy }) {
  async function forMember(activityId: string, userId: string): Promise<ActivityAccess> {
    const activity = await deps.activities.findById(activityId);
    if (!activity) throw notFound('Activity not found');
    const course = await deps.policy.requireMember(activity.course_id, userId).catch(() => {
      throw notFound('Activity not found');
    });
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
