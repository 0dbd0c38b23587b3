import { Guidance, GuidanceFixBody, GuidanceFixResult } from '../../../shared/schemas/guidance.ts';
import { LessonParams } from '../../../shared/schemas/lessons.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { GuidanceService } from './guidance.service.ts';

export function registerGuidanceRoutes(app: App, deps: { guidance: GuidanceService }): void {
  const { guidance } = deps;
  const tags = ['guidance'];

  app.get(
    '/api/lessons/:lessonId/guidance',
    { schema: { tags, params: LessonParams, response: { 200: Guidance, ...errors(401, 403, 404) } } },
    async (request) => guidance.guidance(request.params.lessonId, requireUser(request)),
  );

  app.post(
    '/api/lessons/:lessonId/guidance/fix',
    { schema: { tags, params: LessonParams, body: GuidanceFixBody, response: { 200: GuidanceFixResult, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => guidance.fix(request.params.lessonId, requireUser(request), request.body),
  );
}
