import type { Kysely, Selectable } from 'kysely';
import type { DB, QuestionsTable } from '../../db/schema.ts';

export type QuestionRow = Selectable<QuestionsTable>;
export type QuestionWithVotes = QuestionRow & { author_name: string; votes: number; voted: boolean };

/** Questions and their votes; shared by the question box (prework) and the live Q&A (live). */
export function createQuestionsRepository(db: Kysely<DB>) {
  return {
    async insert(row: QuestionRow): Promise<void> {
      await db.insertInto('questions').values(row).execute();
    },

    findById(questionId: string): Promise<QuestionRow | undefined> {
      return db.selectFrom('questions').selectAll().where('id', '=', questionId).executeTakeFirst();
    },

    /** Visible questions of an activity or a whole lesson, with vote counts and the viewer's vote, in one query. */
    async listWithVotes(scope: { activityId: string } | { lessonId: string }, viewerId: string): Promise<QuestionWithVotes[]> {
      let query = db
        .selectFrom('questions as q')
        .innerJoin('users as u', 'u.id', 'q.user_id')
        .leftJoin('question_votes as v', 'v.question_id', 'q.id')
        .selectAll('q')
        .select((eb) => [
          'u.name as author_name',
          eb.fn.count<string | number>('v.user_id').as('votes'),
          eb.fn.max<string | number | null>(eb.case().when('v.user_id', '=', viewerId).then(1).else(0).end()).as('voted'),
        ])
        .where('q.hidden', '=', 0)
        .groupBy(['q.id', 'u.id']);
      query = 'activityId' in scope ? query.where('q.activity_id', '=', scope.activityId) : query.where('q.lesson_id', '=', scope.lessonId);
      const rows = await query.execute();
      return rows
        .map((r) => ({ ...r, votes: Number(r.votes), voted: Number(r.voted ?? 0) === 1 }))
        .sort((a, b) => b.votes - a.votes || a.created_at.localeCompare(b.created_at));
    },

    /** Adds the vote, or removes it if it was there. Returns whether the user now votes for it. */
    async toggleVote(questionId: string, userId: string, at: string): Promise<boolean> {
      const removed = await db.deleteFrom('question_votes').where('question_id', '=', questionId).where('user_id', '=', userId).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) return false;
      await db
        .insertInto('question_votes')
        .values({ question_id: questionId, user_id: userId, created_at: at })
        .onConflict((oc) => oc.columns(['question_id', 'user_id']).doNothing())
        .execute();
      return true;
    },

    async setAnswered(questionId: string, answered: boolean, at: string): Promise<void> {
      await db.updateTable('questions').set({ answered: answered ? 1 : 0, updated_at: at }).where('id', '=', questionId).execute();
    },

    async delete(questionId: string): Promise<void> {
      await db.deleteFrom('questions').where('id', '=', questionId).execute();
    },
  };
}
export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
