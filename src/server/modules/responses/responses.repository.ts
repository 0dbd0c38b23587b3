import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ResponsesTable } from '../../db/schema.ts';
import { newId, nowIso } from '../../lib/ids.ts';

export type ResponseRow = Selectable<ResponsesTable>;

/** The one response record per (activity, student), written by async work and live sessions alike. */
export function createResponsesRepository(db: Kysely<DB>) {
  const repo = {
    findOne(activityId: string, userId: string): Promise<ResponseRow | undefined> {
      return db.selectFrom('responses').selectAll().where('activity_id', '=', activityId).where('user_id', '=', userId).executeTakeFirst();
    },

    findById(responseId: string): Promise<ResponseRow | undefined> {
      return db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirst();
    },

    listForActivity(activityId: string): Promise<ResponseRow[]> {
      return db.selectFrom('responses').selectAll().where('activity_id', '=', activityId).execute();
    },

    listForUser(userId: string, activityIds: string[]): Promise<ResponseRow[]> {
      if (activityIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('responses').selectAll().where('user_id', '=', userId).where('activity_id', 'in', activityIds).execute();
    },

    /** The light columns My work needs, for every course at once. */
    statusesForUser(userId: string, courseIds: string[]) {
      if (courseIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('responses')
        .select(['activity_id', 'status', 'late', 'submitted_at'])
        .where('user_id', '=', userId)
        .where('course_id', 'in', courseIds)
        .execute();
    },

    /** Status and score of every response in a course (progress grid). */
    gridForCourse(courseId: string) {
      return db
        .selectFrom('responses')
        .select(['activity_id', 'user_id', 'status', 'score', 'max_score', 'late'])
        .where('course_id', '=', courseId)
        .execute();
    },

    /** Creates the empty record if missing (racing creators are fine) and returns it. */
    async ensure(activityId: string, userId: string, courseId: string): Promise<ResponseRow> {
      const now = nowIso();
      await db
        .insertInto('responses')
        .values({
          id: newId(),
          activity_id: activityId,
          user_id: userId,
          course_id: courseId,
          status: 'not_started',
          body: '{}',
          mode: 'async',
          score: null,
          max_score: null,
          attempts: 0,
          late: 0,
          submitted_at: null,
          submissions: '[]',
          feedback: null,
          feedback_at: null,
          feedback_by: null,
          revision: 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doNothing())
        .execute();
      const row = await repo.findOne(activityId, userId);
      if (!row) throw new Error('response row vanished after insert');
      return row;
    },

    /** A submitted response where there was none: its id, or undefined if one appeared meanwhile (a race). */
    async insertSubmitted(input: { activityId: string; userId: string; courseId: string } & Pick<Insertable<ResponsesTable>, 'body' | 'status' | 'mode' | 'late' | 'attempts' | 'submitted_at' | 'submissions' | 'score' | 'max_score' | 'updated_at'>): Promise<string | undefined> {
      const { activityId, userId, courseId, ...values } = input;
      const id = newId();
      const result = await db
        .insertInto('responses')
        .values({ id, activity_id: activityId, user_id: userId, course_id: courseId, feedback: null, feedback_at: null, feedback_by: null, revision: 1, created_at: values.updated_at, ...values })
        .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : undefined;
    },

    /**
     * Optimistic write: applies only if nobody wrote since `revision` was read, and bumps it.
     * Returns false on a lost race; the caller reloads and decides again.
     */
    async updateIfRevision(responseId: string, revision: number, changes: Updateable<ResponsesTable>): Promise<boolean> {
      const result = await db
        .updateTable('responses')
        .set({ ...changes, revision: revision + 1 })
        .where('id', '=', responseId)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setFeedback(responseId: string, text: string, by: string, at: string): Promise<void> {
      await db.updateTable('responses').set({ feedback: text, feedback_by: by, feedback_at: at }).where('id', '=', responseId).execute();
    },

    /** A teacher's score (overrides the automatic one). */
    async setScore(responseId: string, score: number, maxScore: number, at: string): Promise<void> {
      await db.updateTable('responses').set({ score, max_score: maxScore, updated_at: at }).where('id', '=', responseId).execute();
    },

    /**
     * For the live room: stores a teacher-paced answer (e.g. a poll `{choice}`) in the same record
     * the async mode uses, marking it done and mode 'live'.
     */
    async saveLive(input: { activityId: string; userId: string; courseId: string; body: Record<string, unknown> }): Promise<ResponseRow> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const row = await repo.ensure(input.activityId, input.userId, input.courseId);
        const now = nowIso();
        const ok = await repo.updateIfRevision(row.id, row.revision, {
          body: JSON.stringify(input.body),
          status: 'done',
          mode: 'live',
          submitted_at: row.submitted_at ?? now,
          updated_at: now,
        });
        if (ok) return (await repo.findById(row.id))!;
      }
      throw new Error('could not save the live answer after 5 attempts');
    },
  };
  return repo;
}
export type ResponsesRepository = ReturnType<typeof createResponsesRepository>;
