import type { Kysely, Selectable } from 'kysely';
import type { DB, JobsTable } from '../../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

export function createJobsRepository(db: Kysely<DB>) {
  return {
    /** Idempotent: a job with the same dedupe key is kept as it is. Returns whether it was new. */
    async enqueue(job: { id: string; kind: string; dedupeKey: string; payload: unknown; runAt: string; now: string }): Promise<boolean> {
      const result = await db
        .insertInto('jobs')
        .values({
          id: job.id,
          kind: job.kind,
          dedupe_key: job.dedupeKey,
          payload: JSON.stringify(job.payload),
          run_at: job.runAt,
          attempts: 0,
          created_at: job.now,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Jobs due now that nobody holds (never claimed, or their claim expired). */
    dueCandidates(now: string, limit: number): Promise<JobRow[]> {
      return db
        .selectFrom('jobs')
        .selectAll()
        .where('done_at', 'is', null)
        .where('run_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('run_at')
        .limit(limit)
        .execute();
    },

    /**
     * Takes a job for `leaseUntil`, atomically: the WHERE repeats the "free" test, so when two
     * nodes race for the same row exactly one UPDATE matches it (SQLite and PostgreSQL alike).
     */
    async claim(jobId: string, nodeId: string, now: string, leaseUntil: string): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set((eb) => ({ claimed_by: nodeId, claimed_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', jobId)
        .where('done_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async complete(jobId: string, nodeId: string, now: string): Promise<void> {
      await db.updateTable('jobs').set({ done_at: now, claimed_until: null, last_error: null }).where('id', '=', jobId).where('claimed_by', '=', nodeId).execute();
    },

    /** Gives the job back for a later retry. */
    async fail(jobId: string, nodeId: string, error: string, retryAt: string): Promise<void> {
      await db
        .updateTable('jobs')
        .set({ claimed_until: null, last_error: error.slice(0, 2000), run_at: retryAt })
        .where('id', '=', jobId)
        .where('claimed_by', '=', nodeId)
        .execute();
    },

    findByKey(dedupeKey: string): Promise<JobRow | undefined> {
      return db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    },
  };
}
export type JobsRepository = ReturnType<typeof createJobsRepository>;
