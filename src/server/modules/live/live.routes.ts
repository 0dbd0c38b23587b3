import {
  CourseLiveParams,
  LessonLiveParams,
  LiveAttendance,
  LiveEnvelope,
  LiveSeriesBody,
  LiveSeriesResult,
  LiveSummaryEnvelope,
  LiveZones,
  UpsertLiveBody,
} from '../../../shared/schemas/live.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { LiveSessionsService } from './live.service.ts';

export function registerLiveRoutes(app: App, deps: { liveSessions: LiveSessionsService }): void {
  const { liveSessions } = deps;
  const tags = ['live'];

  app.get(
    '/api/lessons/:lessonId/live',
    { schema: { tags, description: 'Member. The lesson\'s live session (404 when none).', params: LessonLiveParams, response: { 200: LiveEnvelope, ...errors(401, 404) } } },
    async (request) => ({ live: await liveSessions.forMember(request.params.lessonId, requireUser(request).id) }),
  );

  app.put(
    '/api/lessons/:lessonId/live',
    { schema: { tags, params: LessonLiveParams, body: UpsertLiveBody, response: { 200: LiveEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ live: await liveSessions.upsert(request.params.lessonId, requireUser(request).id, request.body) }),
  );

  // Cancelling keeps the session (calendars show it as cancelled); both verbs do the same.
  for (const [method, url] of [['DELETE', '/api/lessons/:lessonId/live'], ['POST', '/api/lessons/:lessonId/live/cancel']] as const) {
    app.route({
      method,
      url,
      schema: { tags, params: LessonLiveParams, response: { 200: LiveEnvelope, ...errors(401, 403, 404) } },
      handler: async (request) => ({ live: await liveSessions.cancel(request.params.lessonId, requireUser(request).id) }),
    });
  }

  app.get(
    '/api/lessons/:lessonId/live/zones',
    { schema: { tags, params: LessonLiveParams, response: { 200: LiveZones, ...errors(401, 403, 404) } } },
    async (request) => liveSessions.zones(request.params.lessonId, requireUser(request).id),
  );

  app.get(
    '/api/lessons/:lessonId/live/attendance',
    { schema: { tags, params: LessonLiveParams, response: { 200: LiveAttendance, ...errors(401, 403, 404) } } },
    async (request) => ({ attendance: await liveSessions.attendance(request.params.lessonId, requireUser(request).id) }),
  );

  app.get(
    '/api/lessons/:lessonId/live/summary',
    { schema: { tags, params: LessonLiveParams, response: { 200: LiveSummaryEnvelope, ...errors(401, 403, 404) } } },
    async (request) => ({ summary: await liveSessions.summary(request.params.lessonId, requireUser(request).id) }),
  );

  app.post(
    '/api/courses/:courseId/live-series',
    { schema: { tags, params: CourseLiveParams, body: LiveSeriesBody, response: { 201: LiveSeriesResult, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => reply.status(201).send(await liveSessions.series(request.params.courseId, requireUser(request).id, request.body)),
  );
}
