import type { Kysely } from 'kysely';

/**
 * Asynchronous learning: activities in lesson phases, one response record per student and
 * activity (async and live modes write to the same row), questions (shared with live Q&A),
 * threaded discussion posts, uploads, in-app notifications and the email outbox.
 * Portable types only (text/integer/real); instants are ISO text; booleans 0/1; JSON as text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull()) // 'pre' | 'live' | 'post'
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('estimated_minutes', 'integer')
    .addColumn('opens_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('learning_type', 'text')
    .addColumn('content', 'text', (c) => c.notNull()) // JSON, the teacher's copy (quiz answers included)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_lesson_idx').on('activities').columns(['lesson_id', 'phase', 'position']).execute();
  await db.schema.createIndex('activities_course_idx').on('activities').columns(['course_id', 'phase']).execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // 'not_started' | 'in_progress' | 'done'
    .addColumn('body', 'text', (c) => c.notNull()) // JSON, shape by activity type
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('async')) // last writer: 'async' | 'live'
    .addColumn('score', 'double precision')
    .addColumn('max_score', 'double precision')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    // JSON array of {submissionId, attempt, result, submittedAt}: makes a retried submit idempotent.
    .addColumn('submissions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('feedback_by', 'text')
    // Bumped on every write: optimistic concurrency for autosave and submit.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('responses_activity_user_uq', ['activity_id', 'user_id'])
    .execute();
  await db.schema.createIndex('responses_user_course_idx').on('responses').columns(['user_id', 'course_id']).execute();
  await db.schema.createIndex('responses_course_idx').on('responses').column('course_id').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull()) // 'prework' | 'live'
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questions_lesson_idx').on('questions').columns(['lesson_id', 'created_at']).execute();
  await db.schema.createIndex('questions_activity_idx').on('questions').column('activity_id').execute();

  await db.schema
    .createTable('question_votes')
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_votes_pk', ['question_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('discussion_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull()) // Markdown; rendered and sanitised when read
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted_at', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discussion_posts_activity_idx').on('discussion_posts').columns(['activity_id', 'created_at']).execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uploads_course_name_idx').on('uploads').columns(['course_id', 'file_name']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull()) // JSON, rendered into the reader's locale
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('error', 'text') // set when SMTP was configured but delivery failed
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_created_idx').on('outbox').column('created_at').execute();
}
