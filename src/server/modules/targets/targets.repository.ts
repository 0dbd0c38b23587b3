import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { visibleToStudent } from './visibility.ts';

const BATCH = 500;

export function createTargetsRepository(db: Kysely<DB>) {
  return {
    findTargeting(activityId: string) {
      return db.selectFrom('activity_targeting').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
    },

    targetsOf(activityId: string) {
      return db
        .selectFrom('activity_targets as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.user_id', 'u.name'])
        .where('t.activity_id', '=', activityId)
        .execute();
    },

    /** Replaces the activity's targeting and targets in one transaction. */
    async replace(row: { activity_id: string; course_id: string; lesson_id: string; rule: string; params: string; created_by: string; created_at: string }, userIds: string[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('activity_targets').where('activity_id', '=', row.activity_id).execute();
        await trx.deleteFrom('activity_targeting').where('activity_id', '=', row.activity_id).execute();
        await trx.insertInto('activity_targeting').values(row).execute();
        for (let i = 0; i < userIds.length; i += BATCH) {
          await trx
            .insertInto('activity_targets')
            .values(userIds.slice(i, i + BATCH).map((user_id) => ({ activity_id: row.activity_id, user_id, created_at: row.created_at })))
            .execute();
        }
      });
    },

    async clear(activityId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('activity_targets').where('activity_id', '=', activityId).execute();
        await trx.deleteFrom('activity_targeting').where('activity_id', '=', activityId).execute();
      });
    },

    /**
     * For course-wide grids: which activities are restricted (targeted or catch-up copies) and
     * who each is assigned to ("userId activityId" keys).
     */
    async assignmentsForCourse(courseId: string): Promise<{ restricted: Set<string>; assigned: Set<string> }> {
      const [targeted, targets, catchUps, catchUpTargets] = await Promise.all([
        db.selectFrom('activity_targeting').select('activity_id').where('course_id', '=', courseId).execute(),
        db
          .selectFrom('activity_targets as t')
          .innerJoin('activity_targeting as g', 'g.activity_id', 't.activity_id')
          .select(['t.activity_id', 't.user_id'])
          .where('g.course_id', '=', courseId)
          .execute(),
        db.selectFrom('activities').select('id').where('course_id', '=', courseId).where('catch_up_for_lesson_id', 'is not', null).execute(),
        db
          .selectFrom('live_catchups as c')
          .innerJoin('activities as a', 'a.id', 'c.activity_id')
          .select(['c.activity_id', 'c.user_id'])
          .where('a.course_id', '=', courseId)
          .execute(),
      ]);
      return {
        restricted: new Set([...targeted.map((t) => t.activity_id), ...catchUps.map((c) => c.id)]),
        assigned: new Set([...targets, ...catchUpTargets].map((t) => `${t.user_id} ${t.activity_id}`)),
      };
    },

    /** The same for some activities: which are restricted and to whom ("userId activityId"). */
    async assignmentsFor(activityIds: string[]): Promise<{ restricted: Set<string>; assigned: Set<string> }> {
      if (activityIds.length === 0) return { restricted: new Set(), assigned: new Set() };
      const [targeted, targets, catchUps, catchUpTargets] = await Promise.all([
        db.selectFrom('activity_targeting').select('activity_id').where('activity_id', 'in', activityIds).execute(),
        db.selectFrom('activity_targets').select(['activity_id', 'user_id']).where('activity_id', 'in', activityIds).execute(),
        db.selectFrom('activities').select('id').where('id', 'in', activityIds).where('catch_up_for_lesson_id', 'is not', null).execute(),
        db.selectFrom('live_catchups').select(['activity_id', 'user_id']).where('activity_id', 'in', activityIds).execute(),
      ]);
      return {
        restricted: new Set([...targeted.map((t) => t.activity_id), ...catchUps.map((c) => c.id)]),
        assigned: new Set([...targets, ...catchUpTargets].map((t) => `${t.user_id} ${t.activity_id}`)),
      };
    },

    /** Which of these activities a student may not see (targeted to others, or others' catch-up copies). */
    async hiddenFor(userId: string, activityIds: string[]): Promise<Set<string>> {
      if (activityIds.length === 0) return new Set();
      const visible = await db
        .selectFrom('activities as a')
        .select('a.id')
        .where('a.id', 'in', activityIds)
        .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId))
        .execute();
      const shown = new Set(visible.map((v) => v.id));
      return new Set(activityIds.filter((id) => !shown.has(id)));
    },

    // ----- evidence for the rules -----

    /** Students with a (live or async) answer to a poll. */
    answered(activityId: string) {
      return db.selectFrom('responses').select('user_id').where('activity_id', '=', activityId).where('status', '=', 'done').execute();
    },

    /** Everyone who joined the lesson's live room at least once. */
    attended(lessonId: string) {
      return db.selectFrom('live_attendance').select('user_id').distinct().where('lesson_id', '=', lessonId).execute();
    },

    scores(activityId: string) {
      return db.selectFrom('responses').select(['user_id', 'score', 'max_score']).where('activity_id', '=', activityId).where('score', 'is not', null).execute();
    },
  };
}
export type TargetsRepository = ReturnType<typeof createTargetsRepository>;
