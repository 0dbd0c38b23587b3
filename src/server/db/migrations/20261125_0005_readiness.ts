import type { Kysely } from 'kysely';

/**
 * Readiness and design guidance: per-item quiz results (so item statistics are one GROUP BY),
 * "I'm stuck" flags, nudges, planned breakout groups and accepted suggestions per lesson,
 * post-work targeting, and two course settings (pre-work budget, readiness threshold).
 * Portable types only; additive (new tables, new defaulted columns, new indexes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('prework_budget_minutes', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('courses').addColumn('readiness_threshold_percent', 'integer', (c) => c.notNull().defaultTo(60)).execute();

  // One row per item of a student's latest quiz submission (an earlier attempt's rows are replaced).
  await db.schema
    .createTable('quiz_item_results')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_index', 'integer', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    // Normalised answer ("2", "0,3", "photosynthese", "3.5"); null when the item was left blank.
    .addColumn('answer_key', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_item_results_pk', ['response_id', 'item_id'])
    .execute();
  // Covering index for the per-item aggregates of a lesson (correct rate, wrong answers).
  await db.schema
    .createIndex('quiz_item_results_lesson_idx')
    .on('quiz_item_results')
    .columns(['lesson_id', 'activity_id', 'item_id', 'correct', 'answer_key', 'user_id'])
    .execute();
  await db.schema.createIndex('quiz_item_results_user_idx').on('quiz_item_results').columns(['user_id', 'lesson_id']).execute();

  // Covering index for the per-student readiness aggregate over a lesson's pre-work responses.
  await db.schema
    .createIndex('responses_readiness_idx')
    .on('responses')
    .columns(['activity_id', 'user_id', 'status', 'score', 'max_score'])
    .execute();

  await db.schema
    .createTable('lesson_stuck')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_stuck_pk', ['lesson_id', 'user_id'])
    .execute();

  // The last nudge each student got for a lesson: a second click within the hour skips them.
  await db.schema
    .createTable('lesson_nudges')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_nudges_pk', ['lesson_id', 'user_id'])
    .execute();

  // Per-lesson readiness decisions: breakout groups planned for the live room, accepted run-sheet suggestion.
  await db.schema
    .createTable('lesson_readiness')
    .addColumn('lesson_id', 'text', (c) => c.primaryKey().references('lessons.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('planned_groups', 'text') // JSON: {task, durationSeconds, groups:[{name, userIds, code, params}]}
    .addColumn('planned_at', 'text')
    .addColumn('planned_by', 'text')
    .addColumn('accepted_activity_id', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Post-work given only to some students. An activity with a targeting row is visible to its targets only.
  await db.schema
    .createTable('activity_targeting')
    .addColumn('activity_id', 'text', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('activity_targets')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_targets_pk', ['activity_id', 'user_id'])
    .execute();
  await db.schema.createIndex('activity_targets_user_idx').on('activity_targets').columns(['user_id', 'activity_id']).execute();
}
