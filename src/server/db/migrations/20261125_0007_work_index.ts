import type { Kysely } from 'kysely';

/**
 * GET /api/me/work reads the caller's response to each of their activities (status, late,
 * submitted_at). With this index that read is index-only — on PostgreSQL one range scan of the
 * student's responses joined by hash instead of 300 lookups each reading a whole response row
 * (docs/benchmarks.md). Additive only; the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('responses_user_work_idx').on('responses').columns(['user_id', 'activity_id', 'status', 'late', 'submitted_at']).execute();
}
