import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { visibleToStudent } from '../targets/visibility.ts';

/**
 * Every pre/post activity of the courses where the user is a student (not archived), with the
 * user's response status, in ONE query, whatever the number of courses and activities.
 */
export function createWorkRepository(db: Kysely<DB>) {
  return {
    asyncActivitiesForStudent(userId: string) {
      return db
        .selectFrom('activities as a')
        .innerJoin('course_members as m', (join) => join.onRef('m.course_id', '=', 'a.course_id').on('m.user_id', '=', userId).on('m.role', '=', 'student'))
        .innerJoin('courses as c', 'c.id', 'a.course_id')
        .innerJoin('lessons as l', 'l.id', 'a.lesson_id')
        .leftJoin('responses as r', (join) => join.onRef('r.activity_id', '=', 'a.id').on('r.user_id', '=', userId))
        .select([
          'a.id',
          'a.title',
          'a.type',
          'a.phase',
          'a.position',
          'a.required',
          'a.closed',
          'a.opens_at',
          'a.due_at',
          'a.estimated_minutes',
          'l.id as lesson_id',
          'l.title as lesson_title',
          'l.position as lesson_position',
          'c.id as course_id',
          'c.title as course_title',
          'r.status',
          'r.late',
          'r.submitted_at',
        ])
        .where('c.archived', '=', 0)
        .where('a.phase', 'in', ['pre', 'post'])
        // Targeted post-work and catch-up copies: only for the students they are given to.
        .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId))
        // A total order: ties in the service's sorts keep the lesson's own order, the same on
        // SQLite and PostgreSQL and after a move (never the rows' physical order).
        .orderBy('c.title')
        .orderBy('c.id')
        .orderBy('l.position')
        .orderBy('a.position')
        .orderBy('a.id')
        .execute();
    },
  };
}
export type WorkRepository = ReturnType<typeof createWorkRepository>;
