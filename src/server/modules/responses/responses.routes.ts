import { z } from 'zod';
import {
  ActivityParams,
  FeedbackBody,
  ResponseEnvelope,
  ResponseParams,
  ResponseWriteBody,
  StaleResponseError as StaleResponseBody,
  StudentResponse,
  StudentResponseList,
  SubmitResult,
} from '../../../shared/schemas/activities.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import { StaleResponseError, type ResponsesService } from './responses.service.ts';
import type { TeacherResponsesService } from './teacher-responses.service.ts';

export function registerResponseRoutes(app: App, deps: { responses: ResponsesService; teacherResponses: TeacherResponsesService }): void {
  const { responses, teacherResponses } = deps;
  const tags = ['responses'];

  app.get(
    '/api/activities/:activityId/response',
    { schema: { tags, description: 'Student. Their own response (empty when not started).', params: ActivityParams, response: { 200: ResponseEnvelope, ...errors(401, 403, 404) } } },
    async (request) => ({ response: await responses.mine(request.params.activityId, requireUser(request).id) }),
  );

  app.put(
    '/api/activities/:activityId/response',
    {
      schema: {
        tags,
        description:
          'Student. Autosave a draft: the body for the activity type (RESPONSE_BODY_SCHEMAS) plus optional baseUpdatedAt/baseRevision. ' +
          'Idempotent. 409 stale_response (with `current`) when the server copy is newer than the base; 409 activity_closed / not_open.',
        params: ActivityParams,
        body: ResponseWriteBody,
        response: { 200: ResponseEnvelope, 409: z.union([StaleResponseBody, errors(409)[409]]), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      try {
        return { response: await responses.save(request.params.activityId, requireUser(request).id, request.body) };
      } catch (error) {
        if (error instanceof StaleResponseError) {
          return reply.status(409).send({ error: { code: 'stale_response' as const, message: error.message }, current: error.current });
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/activities/:activityId/submit',
    {
      schema: {
        tags,
        description:
          'Student. Submit (the body for the type, or {} to submit the saved draft) with an optional submissionId: a retry with the same id returns the first result. ' +
          'Late after dueAt; 409 activity_closed, not_open, attempts_exhausted.',
        params: ActivityParams,
        body: ResponseWriteBody,
        response: { 200: SubmitResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => responses.submit(request.params.activityId, requireUser(request).id, request.body),
  );

  app.get(
    '/api/activities/:activityId/responses',
    { schema: { tags, description: 'Teacher. Every student of the course, including those not started.', params: ActivityParams, response: { 200: StudentResponseList, ...errors(401, 403, 404) } } },
    async (request) => ({ activityId: request.params.activityId, responses: await teacherResponses.list(request.params.activityId, requireUser(request).id) }),
  );

  app.put(
    '/api/responses/:responseId/feedback',
    { schema: { tags, description: 'Teacher. The student is notified in the app and by email (in their language).', params: ResponseParams, body: FeedbackBody, response: { 200: z.object({ response: StudentResponse }), ...errors(400, 401, 403, 404) } } },
    async (request) => ({ response: await teacherResponses.giveFeedback(request.params.responseId, requireUser(request).id, request.body.text, request.body) }),
  );
}
