import type { LiveSummary } from '../../../shared/schemas/live.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { RoomState } from '../../realtime/room/state.ts';
import { attendanceRows } from './attendance.ts';
import type { LiveFinishRepository } from './live-finish.repository.ts';

const TEXTS = {
  en: { discussion: 'Questions from the live session', prompt: 'Questions we did not get to in class. Reply to help each other.', catchUp: (t: string) => `Catch-up: ${t}` },
  fr: { discussion: 'Questions de la séance en direct', prompt: 'Les questions restées sans réponse en classe. Répondez pour vous entraider.', catchUp: (t: string) => `Rattrapage : ${t}` },
} as const;

/**
 * After `session.end` (run as a job, once): the summary, unanswered questions as threads of a
 * post-work discussion, and catch-up copies of the live activities for the absent students.
 * All in one transaction, and skipped when the summary exists: a retried job changes nothing.
 */
export function createLiveFinisher(deps: { finish: LiveFinishRepository; loadRoom: (lessonId: string) => Promise<RoomState | undefined> }) {
  const { finish } = deps;

  return async function finishSession(lessonId: string): Promise<void> {
    const state = await deps.loadRoom(lessonId);
    if (!state || state.status !== 'ended') return;
    const endedAt = state.endedAt ?? nowIso();
    await finish.transaction(async (trx) => {
      if (await finish.summaryExists(trx, lessonId)) return;
      const lesson = await finish.lessonWithTeacherLocale(trx, lessonId);
      if (!lesson) return;
      const texts = TEXTS[lesson.locale === 'fr' ? 'fr' : 'en'];
      const now = nowIso();
      await finish.closeOpenVisits(trx, lessonId, endedAt);
      const [roster, visits, activities] = await Promise.all([finish.roster(trx, lesson.course_id), finish.attendance(trx, lessonId), finish.activities(trx, lessonId)]);

      const attendance = attendanceRows(roster, visits, endedAt);

      // Unanswered questions become threads of the lesson's post-work discussion.
      const unanswered = state.questions.filter((q) => !q.answered);
      let discussionId: string | null = null;
      const maxPosition = (phase: string) => Math.max(-1, ...activities.filter((a) => a.phase === phase).map((a) => Number(a.position)));
      let nextPost = maxPosition('post') + 1;
      if (unanswered.length > 0) {
        const existing = activities.find((a) => a.phase === 'post' && a.type === 'discussion' && a.catch_up_for_lesson_id === null);
        discussionId = existing?.id ?? newId();
        if (!existing) {
          await finish.insertActivity(trx, {
            id: discussionId, course_id: lesson.course_id, lesson_id: lessonId, phase: 'post', type: 'discussion', title: texts.discussion, position: nextPost++,
            estimated_minutes: 10, opens_at: null, due_at: null, required: 0, closed: 0, learning_type: 'discussion',
            content: JSON.stringify({ prompt: texts.prompt }), created_at: now, updated_at: now,
          });
        }
        for (const q of unanswered) {
          await finish.insertPost(trx, { id: newId(), course_id: lesson.course_id, activity_id: discussionId, user_id: q.authorId, body: q.text, now });
        }
      }

      // Catch-up: the live activities, as post-work for the students who were not there.
      const absent = attendance.filter((a) => a.role === 'student' && !a.present).map((a) => a.userId);
      const copies: { activityId: string; fromActivityId: string }[] = [];
      if (absent.length > 0) {
        for (const source of activities.filter((a) => a.phase === 'live')) {
          const id = newId();
          await finish.insertActivity(trx, {
            ...source, id, phase: 'post', title: texts.catchUp(source.title).slice(0, 200), position: nextPost++, catch_up_for_lesson_id: lessonId, created_at: now, updated_at: now,
          });
          copies.push({ activityId: id, fromActivityId: source.id });
        }
        await finish.insertCatchups(trx, copies.flatMap((c) => absent.map((userId) => ({ activity_id: c.activityId, user_id: userId, lesson_id: lessonId, created_at: now }))));
      }

      const summary: LiveSummary = {
        lessonId,
        startedAt: state.startedAt,
        endedAt,
        attendance,
        polls: state.pollHistory,
        questions: state.questions.map((q) => ({ id: q.id, text: q.text, source: q.source, votes: q.votes.length, answered: q.answered })),
        discussionActivityId: discussionId,
        catchUp: { activityIds: copies.map((c) => c.activityId), userIds: copies.length > 0 ? absent : [], copies },
      };
      await finish.insertSummary(trx, lessonId, JSON.stringify(summary), now);
    });
  };
}
