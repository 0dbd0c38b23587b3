import { LessonParams } from '../../../shared/schemas/lessons.ts';
import {
  AcceptSuggestionResult,
  NudgeResult,
  PlanGroupsBody,
  PlannedGroupsEnvelope,
  Readiness,
  StuckBody,
  StuckState,
} from '../../../shared/schemas/readiness.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { ReadinessService } from './readiness.service.ts';

export function registerReadinessRoutes(app: App, deps: { readiness: ReadinessService }): void {
  const { readiness } = deps;
  const tags = ['readiness'];

  app.get(
    '/api/lessons/:lessonId/readiness',
    { schema: { tags, params: LessonParams, response: { 200: Readiness, ...errors(401, 403, 404) } } },
    async (request) => readiness.readiness(request.params.lessonId, requireUser(request)),
  );

  app.post(
    '/api/lessons/:lessonId/readiness/accept-suggestion',
    { schema: { tags, params: LessonParams, response: { 200: AcceptSuggestionResult, 201: AcceptSuggestionResult, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => {
      const result = await readiness.acceptSuggestion(request.params.lessonId, requireUser(request));
      return reply.status(result.alreadyAccepted ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/lessons/:lessonId/readiness/groups',
    { schema: { tags, params: LessonParams, response: { 200: PlannedGroupsEnvelope, ...errors(401, 403, 404) } } },
    async (request) => ({ plannedGroups: await readiness.plannedGroups(request.params.lessonId, requireUser(request)) }),
  );

  app.post(
    '/api/lessons/:lessonId/readiness/groups',
    { schema: { tags, params: LessonParams, body: PlanGroupsBody, response: { 200: PlannedGroupsEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ plannedGroups: await readiness.planGroups(request.params.lessonId, requireUser(request), request.body) }),
  );

  app.post(
    '/api/lessons/:lessonId/nudge',
    { schema: { tags, params: LessonParams, response: { 200: NudgeResult, ...errors(401, 403, 404) } } },
    async (request) => readiness.nudge(request.params.lessonId, requireUser(request)),
  );

  app.get(
    '/api/lessons/:lessonId/stuck',
    { schema: { tags, params: LessonParams, response: { 200: StuckState, ...errors(401, 403, 404) } } },
    async (request) => readiness.stuckState(request.params.lessonId, requireUser(request).id),
  );

  app.post(
    '/api/lessons/:lessonId/stuck',
    { schema: { tags, params: LessonParams, body: StuckBody, response: { 200: StuckState, ...errors(400, 401, 403, 404) } } },
    async (request) => readiness.setStuck(request.params.lessonId, requireUser(request).id, request.body),
  );

  app.delete(
    '/api/lessons/:lessonId/stuck',
    { schema: { tags, params: LessonParams, response: { 200: StuckState, ...errors(401, 403, 404) } } },
    async (request) => readiness.setStuck(request.params.lessonId, requireUser(request).id, { stuck: false }),
  );
}
