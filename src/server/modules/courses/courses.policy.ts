import { forbidden, notFound } from '../../lib/errors.ts';
import type { CourseWithRole, CoursesRepository } from './courses.repository.ts';

/**
 * Who may see and change a course. Non-members get 404 (they may not know the course exists);
 * students asking for a teacher action get 403.
 */
export function createCoursePolicy(courses: CoursesRepository) {
  async function requireMember(courseId: string, userId: string): Promise<CourseWithRole> {
    const course = await courses.findForMember(courseId, userId);
    if (!course) throw notFound('Course not found');
    return course;
  }
  return {
    requireMember,
    async requireTeacher(courseId: string, userId: string): Promise<CourseWithRole> {
      const course = await requireMember(courseId, userId);
      if (course.role !== 'teacher') throw forbidden('Only the course teachers can do this');
      return course;
    },
  };
}
export type CoursePolicy = ReturnType<typeof createCoursePolicy>;
