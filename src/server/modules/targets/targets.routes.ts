import { ActivityParams } from '../../../shared/schemas/activities.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { TargetBody, TargetingEnvelope } from '../../../shared/schemas/targets.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { TargetsService } from './targets.service.ts';

export function registerTargetRoutes(app: App, deps: { targets: TargetsService }): void {
  const { targets } = deps;
  const tags = ['targets'];

  app.get(
    '/api/activities/:activityId/targets',
    { schema: { tags, params: ActivityParams, response: { 200: TargetingEnvelope, ...errors(401, 403, 404) } } },
    async (request) => ({ targeting: await targets.get(request.params.activityId, requireUser(request).id) }),
  );

  app.post(
    '/api/activities/:activityId/targets',
    { schema: { tags, params: ActivityParams, body: TargetBody, response: { 200: TargetingEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ targeting: await targets.set(request.params.activityId, requireUser(request).id, request.body) }),
  );

  app.delete(
    '/api/activities/:activityId/targets',
    { schema: { tags, params: ActivityParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await targets.clear(request.params.activityId, requireUser(request).id);
      return { ok: true as const };
    },
  );
}
