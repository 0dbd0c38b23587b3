import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The readiness figures, aggregated in SQL (GROUP BY over indexed columns) so a class of
 * thousands costs a handful of queries, never one per student or per item.
 */
export function createReadinessRepository(db: Kysely<DB>) {
  /**
   * Figures count the course's current students only. Rows of people who left (or became
   * teachers) are rare, so instead of joining every row to the roster, queries exclude the few
   * user ids found with data but not on the roster (a NOT IN over a short list); a long list
   * falls back to an IN over the roster.
   */
  function studentsOnly(column: string, courseId: string, excluded: string[]): RawBuilder<boolean> {
    const ref = sql.ref(column);
    if (excluded.length === 0) return sql<boolean>`1 = 1`;
    if (excluded.length <= 500) return sql<boolean>`${ref} not in (${sql.join(excluded)})`;
    return sql<boolean>`${ref} in (select m.user_id from course_members m where m.course_id = ${courseId} and m.role = 'student')`;
  }

  return {
    students(courseId: string) {
      return db
        .selectFrom('course_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.time_zone'])
        .where('m.course_id', '=', courseId)
        .where('m.role', '=', 'student')
        // Nearly the order the service sorts in (by name, locale-aware): its sort then costs about
        // one comparison per student instead of n·log n (80 ms of Intl.Collator for 10,000).
        .orderBy('u.name')
        .orderBy('u.id')
        .execute();
    },

    activities(lessonId: string) {
      return db
        .selectFrom('activities')
        .select(['id', 'phase', 'type', 'title', 'position', 'required', 'estimated_minutes', 'opens_at', 'due_at', 'learning_type', 'content', 'created_at'])
        .where('lesson_id', '=', lessonId)
        .orderBy('position')
        .orderBy('created_at')
        .execute();
    },

    /** The lesson's live session start (not cancelled), or undefined. */
    liveSession(lessonId: string) {
      return db
        .selectFrom('live_sessions')
        .select(['id', 'starts_at', 'duration_minutes'])
        .where('lesson_id', '=', lessonId)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst();
    },

    /** Per student over the lesson's pre-work: required done, minutes done, begun, quiz points. */
    perStudent(lessonId: string) {
      return db
        .selectFrom('activities as a')
        .innerJoin('responses as r', 'r.activity_id', 'a.id')
        .select((eb) => [
          'r.user_id',
          eb.fn.sum<number | string>(sql`case when r.status = 'done' and a.required = 1 then 1 else 0 end`).as('completed'),
          eb.fn.sum<number | string>(sql`case when r.status = 'done' and a.required = 1 then coalesce(a.estimated_minutes, 0) else 0 end`).as('done_minutes'),
          eb.fn.sum<number | string>(sql`case when r.status <> 'not_started' then 1 else 0 end`).as('begun'),
          eb.fn.sum<number | string | null>(sql`case when a.type = 'quiz' then r.score end`).as('score'),
          eb.fn.sum<number | string | null>(sql`case when a.type = 'quiz' and r.score is not null then r.max_score end`).as('max_score'),
        ])
        .where('a.lesson_id', '=', lessonId)
        .where('a.phase', '=', 'pre')
        .groupBy('r.user_id')
        .execute();
    },

    /** Per pre-work activity: current students who finished / began it. */
    perActivity(lessonId: string, courseId: string, excluded: string[]) {
      return db
        .selectFrom('activities as a')
        .innerJoin('responses as r', 'r.activity_id', 'a.id')
        .select((eb) => [
          'a.id',
          eb.fn.sum<number | string>(sql`case when r.status = 'done' then 1 else 0 end`).as('done'),
          eb.fn.sum<number | string>(sql`case when r.status <> 'not_started' then 1 else 0 end`).as('begun'),
        ])
        .where('a.lesson_id', '=', lessonId)
        .where('a.phase', '=', 'pre')
        .where(studentsOnly('r.user_id', courseId, excluded))
        .groupBy('a.id')
        .execute();
    },

    /**
     * Per quiz item of the given activities, in ONE scan of the covering index: submissions
     * (attempts), correct ones, blanks, and the `limit` most chosen wrong answers. Rows come back
     * per (item, answer): every row carries the item's totals; wrong answers have `wrong_rank`.
     */
    async itemStats(lessonId: string, courseId: string, activityIds: string[], excluded: string[], limit = 3) {
      if (activityIds.length === 0) return [];
      const item = sql`partition by q.activity_id, q.item_id`;
      const grouped = db
        .selectFrom('quiz_item_results as q')
        .select([
          'q.activity_id',
          'q.item_id',
          'q.correct',
          'q.answer_key',
          sql<number | string>`count(*)`.as('n'),
          sql<number | string>`sum(count(*)) over (${item})`.as('attempts'),
          sql<number | string>`sum(case when q.correct = 1 then count(*) else 0 end) over (${item})`.as('correct_count'),
          sql<number | string>`sum(case when q.answer_key is null then count(*) else 0 end) over (${item})`.as('skipped'),
          // Ranks the answers within (item, right or wrong, blank or not): most chosen first.
          sql<number | string>`row_number() over (${item}, q.correct, case when q.answer_key is null then 1 else 0 end order by count(*) desc, q.answer_key)`.as('rank'),
        ])
        .where('q.lesson_id', '=', lessonId)
        .where('q.activity_id', 'in', activityIds)
        .where(studentsOnly('q.user_id', courseId, excluded))
        .groupBy(['q.activity_id', 'q.item_id', 'q.correct', 'q.answer_key']);
      return db
        .selectFrom(grouped.as('g'))
        .selectAll()
        // Keeps the top wrong answers, and one row of every item (for its totals).
        .where((eb) => eb.or([eb('g.rank', '=', 1), eb.and([eb('g.correct', '=', 0), eb('g.answer_key', 'is not', null), eb('g.rank', '<=', limit)])]))
        .execute();
    },

    /** Who got one item wrong (blank included) in their latest submission. */
    wrongOn(lessonId: string, activityId: string, itemId: string) {
      return db
        .selectFrom('quiz_item_results')
        .select('user_id')
        .where('lesson_id', '=', lessonId)
        .where('activity_id', '=', activityId)
        .where('item_id', '=', itemId)
        .where('correct', '=', 0)
        .execute();
    },

    /** Questions brought in pre-work (not hidden), with votes; most votes first, then oldest. */
    preworkQuestions(lessonId: string, limit: number) {
      return db
        .selectFrom('questions as q')
        .innerJoin('users as u', 'u.id', 'q.user_id')
        .leftJoin('question_votes as v', 'v.question_id', 'q.id')
        .select((eb) => ['q.id', 'q.text', 'q.activity_id', 'q.answered', 'q.created_at', 'q.user_id', 'u.name', eb.fn.count<number | string>('v.user_id').as('votes')])
        .where('q.lesson_id', '=', lessonId)
        .where('q.source', '=', 'prework')
        .where('q.hidden', '=', 0)
        .groupBy(['q.id', 'q.text', 'q.activity_id', 'q.answered', 'q.created_at', 'q.user_id', 'u.name'])
        .orderBy('votes', 'desc')
        .orderBy('q.created_at')
        .orderBy('q.id')
        .limit(limit)
        .execute();
    },

    stuck(lessonId: string) {
      return db.selectFrom('lesson_stuck').select(['user_id', 'note', 'updated_at']).where('lesson_id', '=', lessonId).execute();
    },

    findStuck(lessonId: string, userId: string) {
      return db.selectFrom('lesson_stuck').selectAll().where('lesson_id', '=', lessonId).where('user_id', '=', userId).executeTakeFirst();
    },

    async setStuck(row: { lesson_id: string; user_id: string; course_id: string; note: string | null; at: string }): Promise<void> {
      await db
        .insertInto('lesson_stuck')
        .values({ lesson_id: row.lesson_id, user_id: row.user_id, course_id: row.course_id, note: row.note, created_at: row.at, updated_at: row.at })
        .onConflict((oc) => oc.columns(['lesson_id', 'user_id']).doUpdateSet({ note: row.note, updated_at: row.at }))
        .execute();
    },

    async clearStuck(lessonId: string, userId: string): Promise<void> {
      await db.deleteFrom('lesson_stuck').where('lesson_id', '=', lessonId).where('user_id', '=', userId).execute();
    },

    nudges(lessonId: string) {
      return db.selectFrom('lesson_nudges').select(['user_id', 'sent_at']).where('lesson_id', '=', lessonId).execute();
    },

    /**
     * Records a nudge for each student not nudged since `since`, and returns exactly those: the
     * conditional upsert is the claim, so two clicks racing each other never nudge anyone twice.
     */
    async claimNudges(lessonId: string, userIds: string[], sentBy: string, at: string, since: string): Promise<string[]> {
      const claimed: string[] = [];
      for (let i = 0; i < userIds.length; i += 500) {
        const rows = await db
          .insertInto('lesson_nudges')
          .values(userIds.slice(i, i + 500).map((user_id) => ({ lesson_id: lessonId, user_id, sent_at: at, sent_by: sentBy })))
          .onConflict((oc) =>
            oc
              .columns(['lesson_id', 'user_id'])
              .doUpdateSet({ sent_at: at, sent_by: sentBy })
              .where('lesson_nudges.sent_at', '<=', since),
          )
          .returning('user_id')
          .execute();
        claimed.push(...rows.map((r) => r.user_id));
      }
      return claimed;
    },

    findDecisions(lessonId: string) {
      return db.selectFrom('lesson_readiness').selectAll().where('lesson_id', '=', lessonId).executeTakeFirst();
    },

    async savePlannedGroups(lessonId: string, courseId: string, plan: string, by: string, at: string): Promise<void> {
      await db
        .insertInto('lesson_readiness')
        .values({ lesson_id: lessonId, course_id: courseId, planned_groups: plan, planned_at: at, planned_by: by, accepted_activity_id: null, accepted_at: null, updated_at: at })
        .onConflict((oc) => oc.column('lesson_id').doUpdateSet({ planned_groups: plan, planned_at: at, planned_by: by, updated_at: at }))
        .execute();
    },

    async saveAccepted(lessonId: string, courseId: string, activityId: string, at: string): Promise<void> {
      await db
        .insertInto('lesson_readiness')
        .values({ lesson_id: lessonId, course_id: courseId, planned_groups: null, planned_at: null, planned_by: null, accepted_activity_id: activityId, accepted_at: at, updated_at: at })
        .onConflict((oc) => oc.column('lesson_id').doUpdateSet({ accepted_activity_id: activityId, accepted_at: at, updated_at: at }))
        .execute();
    },
  };
}
export type ReadinessRepository = ReturnType<typeof createReadinessRepository>;
