import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CoursesTable, DB } from '../../db/schema.ts';
import type { Role } from '../../../shared/schemas/courses.ts';

export type CourseRow = Selectable<CoursesTable>;
export type CourseWithRole = CourseRow & { role: Role };

export function createCoursesRepository(db: Kysely<DB>) {
  return {
    async insertWithTeacher(course: Insertable<CoursesTable>, teacherId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('courses').values(course).execute();
        await trx
          .insertInto('course_members')
          .values({ course_id: course.id, user_id: teacherId, role: 'teacher', joined_at: course.created_at })
          .execute();
      });
    },

    findById(courseId: string): Promise<CourseRow | undefined> {
      return db.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirst();
    },

    findByJoinCode(code: string): Promise<CourseRow | undefined> {
      return db.selectFrom('courses').selectAll().where('join_code', '=', code).executeTakeFirst();
    },

    /** The course as the given user sees it, or undefined when they are not a member. */
    findForMember(courseId: string, userId: string): Promise<CourseWithRole | undefined> {
      return db
        .selectFrom('courses')
        .innerJoin('course_members as m', 'm.course_id', 'courses.id')
        .selectAll('courses')
        .select('m.role')
        .where('courses.id', '=', courseId)
        .where('m.user_id', '=', userId)
        .executeTakeFirst();
    },

    listForUser(userId: string): Promise<CourseWithRole[]> {
      return db
        .selectFrom('courses')
        .innerJoin('course_members as m', 'm.course_id', 'courses.id')
        .selectAll('courses')
        .select('m.role')
        .where('m.user_id', '=', userId)
        .orderBy('courses.archived')
        .orderBy('courses.created_at', 'desc')
        .execute();
    },

    /** Teacher names and student counts for several courses in two queries, not one per course. */
    async memberSummaries(courseIds: string[]): Promise<Map<string, { teacherNames: string[]; studentCount: number }>> {
      const out = new Map<string, { teacherNames: string[]; studentCount: number }>();
      for (const id of courseIds) out.set(id, { teacherNames: [], studentCount: 0 });
      if (courseIds.length === 0) return out;
      const teachers = await db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.course_id', 'u.name'])
        .where('m.course_id', 'in', courseIds)
        .where('m.role', '=', 'teacher')
        .orderBy('m.joined_at')
        .execute();
      for (const t of teachers) out.get(t.course_id)?.teacherNames.push(t.name);
      const counts = await db
        .selectFrom('course_members')
        .select(['course_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('course_id', 'in', courseIds)
        .where('role', '=', 'student')
        .groupBy('course_id')
        .execute();
      for (const c of counts) {
        const summary = out.get(c.course_id);
        if (summary) summary.studentCount = Number(c.n);
      }
      return out;
    },

    async update(courseId: string, changes: Partial<Pick<CourseRow, 'title' | 'description' | 'archived' | 'join_code' | 'updated_at' | 'prework_budget_minutes' | 'readiness_threshold_percent'>>): Promise<void> {
      await db.updateTable('courses').set(changes).where('id', '=', courseId).execute();
    },

    findMembership(courseId: string, userId: string) {
      return db
        .selectFrom('course_members')
        .selectAll()
        .where('course_id', '=', courseId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
    },

    async addMember(courseId: string, userId: string, role: Role, joinedAt: string): Promise<void> {
      await db
        .insertInto('course_members')
        .values({ course_id: courseId, user_id: userId, role, joined_at: joinedAt })
        .onConflict((oc) => oc.columns(['course_id', 'user_id']).doNothing())
        .execute();
    },

    async setRole(courseId: string, userId: string, role: Role): Promise<void> {
      await db.updateTable('course_members').set({ role }).where('course_id', '=', courseId).where('user_id', '=', userId).execute();
    },

    async removeMember(courseId: string, userId: string): Promise<void> {
      await db.deleteFrom('course_members').where('course_id', '=', courseId).where('user_id', '=', userId).execute();
    },

    roster(courseId: string) {
      return db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id as user_id', 'u.name', 'u.email', 'u.time_zone', 'm.role', 'm.joined_at'])
        .where('m.course_id', '=', courseId)
        .orderBy('m.role', 'desc')
        .orderBy('u.name')
        .execute();
    },

    lessons(courseId: string) {
      return db
        .selectFrom('lessons')
        .select(['id', 'title', 'position'])
        .where('course_id', '=', courseId)
        .orderBy('position')
        .execute();
    },
  };
}
export type CoursesRepository = ReturnType<typeof createCoursesRepository>;
