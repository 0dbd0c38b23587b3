import { ActivityParams } from '../../../shared/schemas/activities.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { AskQuestionBody, QuestionEnvelope, QuestionList, QuestionParams, UpdateQuestionBody, VoteResult } from '../../../shared/schemas/questions.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { QuestionsService } from './questions.service.ts';

export function registerQuestionRoutes(app: App, deps: { questions: QuestionsService }): void {
  const { questions } = deps;
  const tags = ['questions'];

  app.post(
    '/api/activities/:activityId/questions',
    { schema: { tags, description: 'Member, question_box activities. Completes the box for a student.', params: ActivityParams, body: AskQuestionBody, response: { 201: QuestionEnvelope, ...errors(400, 401, 404, 409) } } },
    async (request, reply) => {
      const question = await questions.ask(request.params.activityId, requireUser(request).id, request.body.text);
      return reply.status(201).send({ question });
    },
  );

  app.get(
    '/api/activities/:activityId/questions',
    { schema: { tags, description: 'Member. Most votes first; askedBy for teachers only.', params: ActivityParams, response: { 200: QuestionList, ...errors(400, 401, 404) } } },
    async (request) => ({ questions: await questions.list(request.params.activityId, requireUser(request).id) }),
  );

  app.post(
    '/api/questions/:questionId/vote',
    { schema: { tags, description: 'Member. Toggles the caller’s upvote (once per person; again removes it).', params: QuestionParams, response: { 200: VoteResult, ...errors(401, 404) } } },
    async (request) => questions.toggleVote(request.params.questionId, requireUser(request).id),
  );

  app.patch(
    '/api/questions/:questionId',
    { schema: { tags, description: 'Teacher. Mark answered.', params: QuestionParams, body: UpdateQuestionBody, response: { 200: QuestionEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ question: await questions.setAnswered(request.params.questionId, requireUser(request).id, request.body.answered) }),
  );

  app.delete(
    '/api/questions/:questionId',
    { schema: { tags, description: 'The asker or a teacher.', params: QuestionParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await questions.delete(request.params.questionId, requireUser(request).id);
      return { ok: true as const };
    },
  );
}
