import { sql, type RawBuilder } from 'kysely';

/**
 * Whether a student may see an activity, as a SQL condition usable in any query's WHERE:
 * an activity with targeting (activity_targeting) is for its targets only (activity_targets),
 * and a live-session catch-up copy (activities.catch_up_for_lesson_id) for its assignees only
 * (live_catchups). Everything else is for every student.
 *
 *   .where(visibleToStudent({ id: 'a.id', catchUp: 'a.catch_up_for_lesson_id' }, userId))
 */
export function visibleToStudent(columns: { id: string; catchUp: string }, userId: string): RawBuilder<boolean> {
  const id = sql.ref(columns.id);
  return sql<boolean>`(
    (not exists (select 1 from activity_targeting vt where vt.activity_id = ${id})
      or exists (select 1 from activity_targets vs where vs.activity_id = ${id} and vs.user_id = ${userId}))
    and (${sql.ref(columns.catchUp)} is null
      or exists (select 1 from live_catchups vc where vc.activity_id = ${id} and vc.user_id = ${userId})))`;
}
