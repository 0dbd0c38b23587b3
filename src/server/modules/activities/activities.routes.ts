import { ActivityEnvelope, ActivityParams, CreateActivityBody, UpdateActivityBody } from '../../../shared/schemas/activities.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { LessonParams } from '../../../shared/schemas/lessons.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { ActivitiesService } from './activities.service.ts';

export function registerActivityRoutes(app: App, deps: { activities: ActivitiesService }): void {
  const { activities } = deps;
  const tags = ['activities'];

  app.post(
    '/api/lessons/:lessonId/activities',
    { schema: { tags, description: 'Teacher. `content` is checked against `type`; quiz items get ids when missing.', params: LessonParams, body: CreateActivityBody, response: { 201: ActivityEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const activity = await activities.create(request.params.lessonId, requireUser(request).id, request.body);
      return reply.status(201).send({ activity });
    },
  );

  app.get(
    '/api/activities/:activityId',
    { schema: { tags, description: 'Member. Quiz answers only for teachers; students get their own response in myResponse.', params: ActivityParams, response: { 200: ActivityEnvelope, ...errors(401, 404) } } },
    async (request) => ({ activity: await activities.get(request.params.activityId, requireUser(request).id) }),
  );

  app.patch(
    '/api/activities/:activityId',
    { schema: { tags, description: 'Teacher. Settings, phase, closed, or content (whole, same type).', params: ActivityParams, body: UpdateActivityBody, response: { 200: ActivityEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ activity: await activities.update(request.params.activityId, requireUser(request).id, request.body) }),
  );

  app.delete(
    '/api/activities/:activityId',
    { schema: { tags, description: 'Teacher. Deletes the activity and its responses.', params: ActivityParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await activities.delete(request.params.activityId, requireUser(request).id);
      return { ok: true as const };
    },
  );
}
