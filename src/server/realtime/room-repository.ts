import type { Kysely, Transaction } from 'kysely';
import { PollContent, QuizContent } from '../../shared/schemas/activities.ts';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { gradeQuiz, type QuizAnswer } from '../modules/responses/quiz-grading.ts';
import type { Effect, RoomQuestion, RoomState, RoomStep } from './room/state.ts';

export class VersionConflict extends Error {}

export const FINISH_JOB = 'live.finish';

/**
 * The live room's storage: the JSON state with its version (optimistic concurrency between
 * nodes) and, in the same transaction, the normalised rows each command produced — responses,
 * questions, votes, hands, chat, attendance — so a crash or restart loses nothing.
 */
export function createRoomRepository(db: Kysely<DB>) {
  async function applyEffect(trx: Transaction<DB>, room: { lessonId: string; courseId: string }, effect: Effect, now: string): Promise<void> {
    const { lessonId, courseId } = room;
    switch (effect.type) {
      case 'attendance.joined':
        await trx.insertInto('live_attendance').values({ id: newId(), lesson_id: lessonId, user_id: effect.userId, joined_at: effect.at, left_at: null }).execute();
        return;
      case 'attendance.left':
        await trx.updateTable('live_attendance').set({ left_at: effect.at }).where('lesson_id', '=', lessonId).where('user_id', '=', effect.userId).where('left_at', 'is', null).execute();
        return;
      case 'response.live':
        await saveLiveResponse(trx, courseId, effect, now);
        return;
      case 'question.insert': {
        const q = effect.question;
        await trx
          .insertInto('questions')
          .values({ id: q.id, course_id: courseId, lesson_id: lessonId, activity_id: null, user_id: q.authorId, text: q.text, answered: 0, source: 'live', hidden: 0, created_at: q.createdAt, updated_at: q.createdAt })
          .execute();
        return;
      }
      case 'question.vote':
        if (effect.on) {
          await trx.insertInto('question_votes').values({ question_id: effect.questionId, user_id: effect.userId, created_at: effect.at }).onConflict((oc) => oc.columns(['question_id', 'user_id']).doNothing()).execute();
        } else {
          await trx.deleteFrom('question_votes').where('question_id', '=', effect.questionId).where('user_id', '=', effect.userId).execute();
        }
        return;
      case 'question.answered':
        await trx.updateTable('questions').set({ answered: effect.answered ? 1 : 0, updated_at: effect.at }).where('id', '=', effect.questionId).execute();
        return;
      case 'hand.upsert': {
        const h = effect.hand;
        const status = h.helping ? 'helping' : 'waiting';
        await trx
          .insertInto('live_hands')
          .values({ id: h.id, lesson_id: lessonId, user_id: h.userId, note: h.note, raised_at: h.raisedAt, status, closed_at: null, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ note: h.note, status, updated_at: now }))
          .execute();
        return;
      }
      case 'hand.close':
        await trx.updateTable('live_hands').set({ status: effect.status, closed_at: effect.at, updated_at: effect.at }).where('id', '=', effect.handId).execute();
        return;
      case 'chat.insert': {
        const m = effect.message;
        await trx.insertInto('live_chat_messages').values({ id: m.id, lesson_id: lessonId, user_id: m.userId, group_id: m.groupId, text: m.text, created_at: m.at }).execute();
        return;
      }
      case 'session.ended':
        // The follow-up (summary, threads, catch-up) runs as a job: it survives a crash right after.
        await trx
          .insertInto('jobs')
          .values({ id: newId(), kind: FINISH_JOB, dedupe_key: `${FINISH_JOB}:${lessonId}:${effect.at}`, payload: JSON.stringify({ lessonId }), run_at: effect.at, attempts: 0, created_at: now })
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .execute();
        return;
    }
  }

  /** A live answer lands in the same response row as the async mode (one per activity and student). */
  async function saveLiveResponse(trx: Transaction<DB>, courseId: string, effect: Extract<Effect, { type: 'response.live' }>, now: string): Promise<void> {
    const existing = await trx.selectFrom('responses').selectAll().where('activity_id', '=', effect.activityId).where('user_id', '=', effect.userId).executeTakeFirst();
    let body: unknown;
    let status: 'in_progress' | 'done' = 'done';
    let score: number | null = null;
    let maxScore: number | null = null;
    if (effect.kind === 'poll') {
      body = { choice: effect.choice[0] };
    } else {
      const previous = existing ? (JSON.parse(existing.body) as { answers?: unknown }) : {};
      const answers: QuizAnswer[] = Array.isArray(previous.answers) ? previous.answers.map((a) => (typeof a === 'number' || typeof a === 'string' || Array.isArray(a) ? (a as QuizAnswer) : null)) : [];
      while (answers.length < effect.itemCount) answers.push(null);
      answers[effect.itemIndex ?? 0] = effect.multiple ? effect.choice : (effect.choice[0] ?? null);
      body = { answers };
      const complete = answers.every((a) => a !== null);
      status = complete ? 'done' : 'in_progress';
      if (complete) {
        const activity = await trx.selectFrom('activities').select('content').where('id', '=', effect.activityId).executeTakeFirst();
        const quiz = activity ? QuizContent.safeParse(JSON.parse(activity.content)) : undefined;
        if (quiz?.success) ({ score, maxScore } = gradeQuiz(quiz.data, answers));
      }
    }
    const values = { status, body: JSON.stringify(body), mode: 'live' as const, score, max_score: maxScore, submitted_at: status === 'done' ? now : null, updated_at: now };
    if (existing) {
      await trx.updateTable('responses').set((eb) => ({ ...values, revision: eb('revision', '+', 1) })).where('id', '=', existing.id).execute();
    } else {
      await trx
        .insertInto('responses')
        .values({ id: newId(), activity_id: effect.activityId, user_id: effect.userId, course_id: courseId, ...values, attempts: 0, late: 0, submissions: '[]', feedback: null, feedback_at: null, feedback_by: null, revision: 1, created_at: now })
        .execute();
    }
  }

  return {
    async load(lessonId: string): Promise<RoomState | undefined> {
      const row = await db.selectFrom('live_rooms').select(['state', 'version']).where('lesson_id', '=', lessonId).executeTakeFirst();
      if (!row) return undefined;
      const state = JSON.parse(row.state) as RoomState;
      return { ...state, version: Number(row.version) };
    },

    /** The stored version alone: whether a copy of the room kept in memory is still the latest. */
    async version(lessonId: string): Promise<number | undefined> {
      const row = await db.selectFrom('live_rooms').select('version').where('lesson_id', '=', lessonId).executeTakeFirst();
      return row ? Number(row.version) : undefined;
    },

    /** Creates the room unless another node just did. */
    async create(lessonId: string, sessionId: string | null, state: RoomState, now: string): Promise<void> {
      await db
        .insertInto('live_rooms')
        .values({ lesson_id: lessonId, session_id: sessionId, state: JSON.stringify(state), version: state.version, status: state.status, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('lesson_id').doNothing())
        .execute();
    },

    /** Writes the new state if nobody else wrote since `expectedVersion`, with its effects, atomically. */
    async save(room: { lessonId: string; courseId: string }, expectedVersion: number, state: RoomState, effects: Effect[], now: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('live_rooms')
          .set({ state: JSON.stringify(state), version: state.version, status: state.status, updated_at: now })
          .where('lesson_id', '=', room.lessonId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new VersionConflict(`room ${room.lessonId} moved past version ${expectedVersion}`);
        for (const effect of effects) await applyEffect(trx, room, effect, now);
      });
    },

    /** The lesson's live activities, in run-sheet order, with what polls and quizzes need. */
    async steps(lessonId: string): Promise<RoomStep[]> {
      const rows = await db
        .selectFrom('activities')
        .select(['id', 'type', 'title', 'content'])
        .where('lesson_id', '=', lessonId)
        .where('phase', '=', 'live')
        .orderBy('position')
        .orderBy('created_at')
        .execute();
      return rows.map((row) => {
        const content: unknown = JSON.parse(row.content);
        let poll: RoomStep['poll'] = null;
        if (row.type === 'poll') {
          const parsed = PollContent.safeParse(content);
          if (parsed.success) poll = { kind: 'poll', question: parsed.data.question, choices: parsed.data.choices, anonymous: parsed.data.anonymous };
        } else if (row.type === 'quiz') {
          const parsed = QuizContent.safeParse(content);
          if (parsed.success && parsed.data.items.some((i) => i.kind === 'single' || i.kind === 'multiple')) {
            poll = {
              kind: 'quiz',
              anonymous: false,
              items: parsed.data.items.map((i) => ({ prompt: i.prompt, kind: i.kind, choices: i.kind === 'single' || i.kind === 'multiple' ? i.choices : [], answer: i.answer })),
            };
          }
        }
        return { activityId: row.id, type: row.type, title: row.title, poll };
      });
    },

    /** Every visible question of the lesson (pre-work and live) with its voters. */
    async questions(lessonId: string): Promise<RoomQuestion[]> {
      const rows = await db
        .selectFrom('questions as q')
        .innerJoin('users as u', 'u.id', 'q.user_id')
        .select(['q.id', 'q.text', 'q.source', 'q.user_id', 'u.name', 'q.answered', 'q.created_at'])
        .where('q.lesson_id', '=', lessonId)
        .where('q.hidden', '=', 0)
        .orderBy('q.created_at')
        .orderBy('q.id')
        .execute();
      if (rows.length === 0) return [];
      const votes = await db.selectFrom('question_votes').select(['question_id', 'user_id']).where('question_id', 'in', rows.map((r) => r.id)).orderBy('created_at').orderBy('user_id').execute();
      return rows.map((r) => ({
        id: r.id,
        text: r.text,
        source: r.source,
        authorId: r.user_id,
        authorName: r.name,
        votes: votes.filter((v) => v.question_id === r.id).map((v) => v.user_id),
        answered: Number(r.answered) === 1,
        createdAt: r.created_at,
      }));
    },

    /** The room's status alone (not the whole state): 'open', 'ended', or undefined before the first join. */
    async status(lessonId: string): Promise<string | undefined> {
      return (await db.selectFrom('live_rooms').select('status').where('lesson_id', '=', lessonId).executeTakeFirst())?.status;
    },

    /** Whether the user has an open visit (the room counts them present). */
    async attending(lessonId: string, userId: string): Promise<boolean> {
      const row = await db.selectFrom('live_attendance').select('id').where('lesson_id', '=', lessonId).where('user_id', '=', userId).where('left_at', 'is', null).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    lesson(lessonId: string) {
      return db.selectFrom('lessons').select(['id', 'course_id', 'title']).where('id', '=', lessonId).executeTakeFirst();
    },

    membership(courseId: string, userId: string) {
      return db.selectFrom('course_members').select('role').where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
    },
  };
}
export type RoomRepository = ReturnType<typeof createRoomRepository>;
