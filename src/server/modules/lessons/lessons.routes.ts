import { Ok } from '../../../shared/schemas/common.ts';
import { CourseParams, LessonSummary } from '../../../shared/schemas/courses.ts';
import { CreateLessonBody, LessonEnvelope, LessonParams, ReorderActivitiesBody, ReorderLessonsBody, UpdateLessonBody } from '../../../shared/schemas/lessons.ts';
import { z } from 'zod';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { LessonsService } from './lessons.service.ts';

export function registerLessonRoutes(app: App, deps: { lessons: LessonsService }): void {
  const { lessons } = deps;
  const tags = ['lessons'];

  app.post(
    '/api/courses/:courseId/lessons',
    { schema: { tags, description: 'Teacher. Appends a lesson; `live` is handed to the live-sessions module.', params: CourseParams, body: CreateLessonBody, response: { 201: LessonEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const lesson = await lessons.create(request.params.courseId, requireUser(request).id, request.body);
      return reply.status(201).send({ lesson });
    },
  );

  app.put(
    '/api/courses/:courseId/lessons/order',
    { schema: { tags, description: 'Teacher. Every lesson id of the course once, in the new order.', params: CourseParams, body: ReorderLessonsBody, response: { 200: z.object({ lessons: z.array(LessonSummary) }), ...errors(400, 401, 403, 404) } } },
    async (request) => ({ lessons: await lessons.reorder(request.params.courseId, requireUser(request).id, request.body.lessonIds) }),
  );

  app.get(
    '/api/lessons/:lessonId',
    { schema: { tags, description: 'Member. The lesson with its pre, live (session and run-sheet) and post phases.', params: LessonParams, response: { 200: LessonEnvelope, ...errors(401, 404) } } },
    async (request) => ({ lesson: await lessons.view(request.params.lessonId, requireUser(request).id) }),
  );

  app.patch(
    '/api/lessons/:lessonId',
    { schema: { tags, description: 'Teacher. Rename.', params: LessonParams, body: UpdateLessonBody, response: { 200: LessonEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ lesson: await lessons.rename(request.params.lessonId, requireUser(request).id, request.body.title) }),
  );

  app.delete(
    '/api/lessons/:lessonId',
    { schema: { tags, description: 'Teacher. Deletes the lesson with its activities and responses.', params: LessonParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await lessons.delete(request.params.lessonId, requireUser(request).id);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/lessons/:lessonId/activities/order',
    { schema: { tags, description: 'Teacher. The full layout {pre, live, post}; moving an id between lists changes its phase.', params: LessonParams, body: ReorderActivitiesBody, response: { 200: LessonEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ lesson: await lessons.reorderActivities(request.params.lessonId, requireUser(request).id, request.body) }),
  );
}
