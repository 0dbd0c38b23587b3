import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { forgetUser } from '../../realtime/room/forget.ts';
import type { RoomState } from '../../realtime/room/state.ts';

type Row = Record<string, unknown>;

const parse = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Tables whose rows belong to one person (user_id), removed with their account, children first. */
const OWNED_TABLES = [
  'quiz_item_results',
  'question_votes',
  'responses',
  'discussion_posts',
  'questions',
  'notifications',
  'live_attendance',
  'live_hands',
  'live_chat_messages',
  'live_catchups',
  'lesson_stuck',
  'lesson_nudges',
  'activity_targets',
  'calendar_feeds',
  'password_resets',
  'sessions',
  'course_members',
] as const;

/** Queries for a person's data export and for deleting their account with everything they wrote. */
export function createPrivacyRepository(db: Kysely<DB>) {
  /** Removes one person from JSON documents other rows keep (rooms, summaries, plans, targeting). */
  async function scrubDocuments(trx: Transaction<DB>, userId: string, questionIds: Set<string>): Promise<void> {
    const needle = `%${userId}%`;
    for (const room of await trx.selectFrom('live_rooms').select(['lesson_id', 'state', 'version']).where('state', 'like', needle).execute()) {
      const state = forgetUser(JSON.parse(room.state) as RoomState, userId);
      await trx.updateTable('live_rooms').set({ state: JSON.stringify(state), version: Number(room.version) + 1 }).where('lesson_id', '=', room.lesson_id).execute();
    }
    const summaries = await trx.selectFrom('live_summaries').select(['lesson_id', 'summary']).execute();
    for (const row of summaries) {
      const summary = JSON.parse(row.summary) as { attendance?: { userId: string }[]; questions?: { id: string }[]; catchUp?: { userIds?: string[] } };
      if (!row.summary.includes(userId) && !(summary.questions ?? []).some((q) => questionIds.has(q.id))) continue;
      summary.attendance = (summary.attendance ?? []).filter((a) => a.userId !== userId);
      summary.questions = (summary.questions ?? []).filter((q) => !questionIds.has(q.id));
      if (summary.catchUp?.userIds) summary.catchUp.userIds = summary.catchUp.userIds.filter((id) => id !== userId);
      await trx.updateTable('live_summaries').set({ summary: JSON.stringify(summary) }).where('lesson_id', '=', row.lesson_id).execute();
    }
    for (const row of await trx.selectFrom('lesson_readiness').select(['lesson_id', 'planned_groups']).where('planned_groups', 'like', needle).execute()) {
      const plan = JSON.parse(row.planned_groups ?? 'null') as { groups?: { userIds: string[] }[] } | null;
      if (!plan?.groups) continue;
      plan.groups = plan.groups.map((g) => ({ ...g, userIds: g.userIds.filter((id) => id !== userId) }));
      await trx.updateTable('lesson_readiness').set({ planned_groups: JSON.stringify(plan) }).where('lesson_id', '=', row.lesson_id).execute();
    }
    for (const row of await trx.selectFrom('activity_targeting').select(['activity_id', 'params']).where('params', 'like', needle).execute()) {
      const params = JSON.parse(row.params) as Record<string, unknown>;
      for (const [key, value] of Object.entries(params)) {
        if (Array.isArray(value)) params[key] = value.filter((v) => v !== userId);
      }
      await trx.updateTable('activity_targeting').set({ params: JSON.stringify(params) }).where('activity_id', '=', row.activity_id).execute();
    }
  }

  return {
    /** Course memberships with roles, for the deletion rules. */
    memberships(userId: string): Promise<{ course_id: string; role: 'teacher' | 'student'; title: string; joined_at: string }[]> {
      return db
        .selectFrom('course_members as m')
        .innerJoin('courses as c', 'c.id', 'm.course_id')
        .select(['m.course_id', 'm.role', 'c.title', 'm.joined_at'])
        .where('m.user_id', '=', userId)
        .orderBy('m.joined_at')
        .execute();
    },

    async teacherCount(courseId: string): Promise<number> {
      const row = await db
        .selectFrom('course_members')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('course_id', '=', courseId)
        .where('role', '=', 'teacher')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Everything stored about one person, section by section (no secrets). */
    async exportFor(userId: string, email: string) {
      const responses = await db
        .selectFrom('responses as r')
        .innerJoin('activities as a', 'a.id', 'r.activity_id')
        .innerJoin('courses as c', 'c.id', 'r.course_id')
        .select([
          'r.id', 'r.activity_id', 'a.title as activity_title', 'a.type as activity_type', 'r.course_id', 'c.title as course_title', 'r.status', 'r.body',
          'r.mode', 'r.score', 'r.max_score', 'r.attempts', 'r.late', 'r.submitted_at', 'r.submissions', 'r.feedback', 'r.feedback_at', 'r.created_at', 'r.updated_at',
        ])
        .where('r.user_id', '=', userId)
        .orderBy('r.created_at')
        .execute();
      const simple = async (table: (typeof OWNED_TABLES)[number] | 'uploads', order: string): Promise<Row[]> =>
        // Each of these tables has user_id and the ordering column; selected whole, minus secrets below.
        (await db.selectFrom(table as 'questions').selectAll().where('user_id', '=', userId).orderBy(order as 'created_at').execute()) as Row[];
      const sessions = await db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute();
      return {
        memberships: (await this.memberships(userId)).map((m) => ({ courseId: m.course_id, courseTitle: m.title, role: m.role, joinedAt: m.joined_at })),
        responses: responses.map((r) => ({ ...r, body: parse(r.body), submissions: parse(r.submissions) })),
        quizItemResults: await simple('quiz_item_results', 'submitted_at'),
        questions: await simple('questions', 'created_at'),
        questionVotes: await simple('question_votes', 'created_at'),
        posts: await simple('discussion_posts', 'created_at'),
        notifications: (await simple('notifications', 'created_at')).map((n) => ({ ...n, data: parse(String(n.data)) })),
        attendance: await simple('live_attendance', 'joined_at'),
        helpRequests: await simple('live_hands', 'raised_at'),
        chatMessages: await simple('live_chat_messages', 'created_at'),
        stuckFlags: await simple('lesson_stuck', 'created_at'),
        assignedActivities: [...(await simple('activity_targets', 'created_at')), ...(await simple('live_catchups', 'created_at'))],
        uploads: (await simple('uploads', 'created_at')).map(({ storage_key: _key, ...u }) => u),
        sessions,
        emails: await db.selectFrom('outbox').select(['subject', 'created_at']).where('to_address', '=', email).orderBy('created_at').execute(),
      };
    },

    /**
     * Deletes an account and everything its owner wrote, in one transaction: their rows in every
     * table, the mail kept for them, and their traces in JSON documents (live rooms, session
     * summaries, planned groups, targeting). Returns rows removed per table.
     */
    async deleteAccount(userId: string, email: string): Promise<Record<string, number>> {
      return db.transaction().execute(async (trx) => {
        const removed: Record<string, number> = {};
        const questionIds = new Set((await trx.selectFrom('questions').select('id').where('user_id', '=', userId).execute()).map((q) => q.id));
        await scrubDocuments(trx, userId, questionIds);
        // Votes and item results hanging off this person's questions and responses go too.
        if (questionIds.size > 0) {
          const votes = await trx.deleteFrom('question_votes').where('question_id', 'in', [...questionIds]).executeTakeFirst();
          removed.question_votes = Number(votes.numDeletedRows);
        }
        for (const table of OWNED_TABLES) {
          const result = await trx.deleteFrom(table).where('user_id', '=', userId).executeTakeFirst();
          removed[table] = (removed[table] ?? 0) + Number(result.numDeletedRows);
        }
        const mail = await trx.deleteFrom('outbox').where('to_address', '=', email).executeTakeFirst();
        removed.outbox = Number(mail.numDeletedRows);
        await trx.deleteFrom('users').where('id', '=', userId).execute();
        removed.users = 1;
        return removed;
      });
    },

    async setAdmin(userId: string, admin: boolean): Promise<void> {
      await db.updateTable('users').set({ is_admin: admin ? 1 : 0 }).where('id', '=', userId).execute();
    },
  };
}
export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
