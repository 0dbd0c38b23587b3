import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Live-session evidence per student for one lesson, each figure one GROUP BY. */
export function createLessonReportRepository(db: Kysely<DB>) {
  return {
    attendance(lessonId: string) {
      return db.selectFrom('live_attendance').select(['user_id', 'joined_at', 'left_at']).where('lesson_id', '=', lessonId).execute();
    },

    /** Live polls and live quizzes each student answered. */
    liveAnswers(lessonId: string) {
      return db
        .selectFrom('activities as a')
        .innerJoin('responses as r', 'r.activity_id', 'a.id')
        .select((eb) => ['r.user_id', eb.fn.countAll<number | string>().as('n')])
        .where('a.lesson_id', '=', lessonId)
        .where('a.phase', '=', 'live')
        .where('a.type', 'in', ['poll', 'quiz'])
        .where('r.status', '<>', 'not_started')
        .groupBy('r.user_id')
        .execute();
    },

    liveQuestions(lessonId: string) {
      return db
        .selectFrom('questions')
        .select((eb) => ['user_id', eb.fn.countAll<number | string>().as('n')])
        .where('lesson_id', '=', lessonId)
        .where('source', '=', 'live')
        .groupBy('user_id')
        .execute();
    },

    hands(lessonId: string) {
      return db
        .selectFrom('live_hands')
        .select((eb) => ['user_id', eb.fn.countAll<number | string>().as('n')])
        .where('lesson_id', '=', lessonId)
        .groupBy('user_id')
        .execute();
    },

    /** (student, activity) pairs done among the given activities. */
    done(activityIds: string[]) {
      if (activityIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('responses').select(['user_id', 'activity_id']).where('activity_id', 'in', activityIds).where('status', '=', 'done').execute();
    },
  };
}
export type LessonReportRepository = ReturnType<typeof createLessonReportRepository>;
