import type { Question } from '../../../shared/schemas/questions.ts';
import type { Role } from '../../../shared/schemas/courses.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { ActivityRow } from '../activities/activities.repository.ts';
import type { ActivityAccessPolicy } from '../activities/activity-access.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { ResponsesService } from '../responses/responses.service.ts';
import type { QuestionsRepository, QuestionWithVotes } from './questions.repository.ts';

/** Students see classmates' questions but never who asked; teachers see askedBy. */
export function presentQuestion(row: QuestionWithVotes, role: Role, viewerId: string): Question {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    activityId: row.activity_id,
    text: row.text,
    votes: row.votes,
    votedByMe: row.voted,
    mine: row.user_id === viewerId,
    answered: row.answered === 1,
    source: row.source,
    createdAt: row.created_at,
    ...(role === 'teacher' ? { askedBy: { userId: row.user_id, name: row.author_name } } : {}),
  };
}

export function createQuestionsService(deps: { questions: QuestionsRepository; access: ActivityAccessPolicy; policy: CoursePolicy; responses: ResponsesService }) {
  const { questions, access, policy } = deps;

  function requireQuestionBox(activity: ActivityRow): void {
    if (activity.type !== 'question_box') throw badRequest('wrong_activity_type', 'Questions go to a question_box activity');
  }

  async function loadOne(questionId: string, viewerId: string) {
    const question = await questions.findById(questionId);
    if (!question || question.hidden === 1) throw notFound('Question not found');
    const course = await policy.requireMember(question.course_id, viewerId).catch(() => {
      throw notFound('Question not found');
    });
    return { question, course };
  }

  async function reload(questionId: string, lessonId: string, role: Role, viewerId: string): Promise<Question> {
    const rows = await questions.listWithVotes({ lessonId }, viewerId);
    const row = rows.find((r) => r.id === questionId);
    if (!row) throw notFound('Question not found');
    return presentQuestion(row, role, viewerId);
  }

  return {
    async ask(activityId: string, userId: string, text: string, now = new Date()): Promise<Question> {
      const { activity, course } = await access.forMember(activityId, userId);
      requireQuestionBox(activity);
      if (activity.closed === 1) throw conflict('activity_closed', 'The teacher has closed this activity');
      if (activity.opens_at && new Date(activity.opens_at) > now) throw conflict('not_open', `This activity opens at ${activity.opens_at}`);
      const at = now.toISOString();
      const id = newId();
      await questions.insert({
        id,
        course_id: activity.course_id,
        lesson_id: activity.lesson_id,
        activity_id: activity.id,
        user_id: userId,
        text,
        answered: 0,
        source: 'prework',
        hidden: 0,
        created_at: at,
        updated_at: at,
      });
      // Bringing a question is what completes a question box.
      if (course.role === 'student') await deps.responses.save(activityId, userId, { done: true }, now);
      return reload(id, activity.lesson_id, course.role, userId);
    },

    async list(activityId: string, userId: string): Promise<Question[]> {
      const { activity, course } = await access.forMember(activityId, userId);
      requireQuestionBox(activity);
      const rows = await questions.listWithVotes({ activityId }, userId);
      return rows.map((r) => presentQuestion(r, course.role, userId));
    },

    async toggleVote(questionId: string, userId: string): Promise<{ question: Question; voted: boolean }> {
      const { question, course } = await loadOne(questionId, userId);
      const voted = await questions.toggleVote(questionId, userId, nowIso());
      return { question: await reload(questionId, question.lesson_id, course.role, userId), voted };
    },

    async setAnswered(questionId: string, userId: string, answered: boolean): Promise<Question> {
      const { question, course } = await loadOne(questionId, userId);
      if (course.role !== 'teacher') throw forbidden('Only the course teachers can do this');
      await questions.setAnswered(questionId, answered, nowIso());
      return reload(questionId, question.lesson_id, course.role, userId);
    },

    /** The asker or a teacher. */
    async delete(questionId: string, userId: string): Promise<void> {
      const { question, course } = await loadOne(questionId, userId);
      if (question.user_id !== userId && course.role !== 'teacher') throw forbidden('You can only delete your own questions');
      await questions.delete(questionId);
    },
  };
}
export type QuestionsService = ReturnType<typeof createQuestionsService>;
