import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { QuizItemResultRow } from './quiz-item-results.ts';

/** Rows per insert statement: well under SQLite's bound-parameter limit (10 columns each). */
const BATCH = 500;

/** quiz_item_results: the per-item outcome of each student's latest quiz submission. */
export function createQuizItemResultsRepository(db: Kysely<DB>) {
  return {
    /**
     * Replaces what an earlier attempt of this response left. An upsert that keeps the newer
     * submission, so two racing submits never fail on the key nor leave the older one last.
     */
    async replaceForResponse(responseId: string, rows: QuizItemResultRow[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        let stale = trx.deleteFrom('quiz_item_results').where('response_id', '=', responseId);
        if (rows.length > 0) stale = stale.where('item_id', 'not in', rows.map((r) => r.item_id));
        await stale.execute();
        for (let i = 0; i < rows.length; i += BATCH) {
          await trx
            .insertInto('quiz_item_results')
            .values(rows.slice(i, i + BATCH))
            .onConflict((oc) =>
              oc
                .columns(['response_id', 'item_id'])
                .doUpdateSet((eb) => ({
                  item_index: eb.ref('excluded.item_index'),
                  correct: eb.ref('excluded.correct'),
                  answer_key: eb.ref('excluded.answer_key'),
                  submitted_at: eb.ref('excluded.submitted_at'),
                }))
                .where((eb) => eb('excluded.submitted_at', '>=', eb.ref('quiz_item_results.submitted_at'))),
            )
            .execute();
        }
      });
    },
  };
}
export type QuizItemResultsRepository = ReturnType<typeof createQuizItemResultsRepository>;
