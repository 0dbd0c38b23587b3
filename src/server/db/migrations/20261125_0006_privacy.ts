import type { Kysely } from 'kysely';

/**
 * Privacy and accounts: a minimal admin notion (users.is_admin, 0/1) for deleting accounts and
 * reading the whole audit log, and indexes for the per-account lookups a data export and an
 * account deletion run. Additive only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('audit_log_created_idx').on('audit_log').column('created_at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute();
  await db.schema.createIndex('questions_user_idx').on('questions').column('user_id').execute();
  await db.schema.createIndex('question_votes_user_idx').on('question_votes').column('user_id').execute();
  await db.schema.createIndex('discussion_posts_user_idx').on('discussion_posts').column('user_id').execute();
  await db.schema.createIndex('live_chat_messages_user_idx').on('live_chat_messages').column('user_id').execute();
  await db.schema.createIndex('live_hands_user_idx').on('live_hands').column('user_id').execute();
  await db.schema.createIndex('live_attendance_user_idx').on('live_attendance').column('user_id').execute();
  await db.schema.createIndex('outbox_to_idx').on('outbox').column('to_address').execute();
}
