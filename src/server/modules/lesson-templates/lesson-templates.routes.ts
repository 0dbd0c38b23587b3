import { CourseParams } from '../../../shared/schemas/courses.ts';
import { FromTemplateBody, LessonTemplateList, LessonTemplateQuery } from '../../../shared/schemas/lesson-templates.ts';
import { LessonEnvelope } from '../../../shared/schemas/lessons.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { LessonTemplatesService } from './lesson-templates.service.ts';

export function registerLessonTemplateRoutes(app: App, deps: { lessonTemplates: LessonTemplatesService }): void {
  const { lessonTemplates } = deps;
  const tags = ['lesson-templates'];

  app.get(
    '/api/lesson-templates',
    { schema: { tags, querystring: LessonTemplateQuery, response: { 200: LessonTemplateList, ...errors(400, 401) } } },
    async (request) => {
      const user = requireUser(request);
      return { templates: lessonTemplates.list(request.query.locale ?? user.locale) };
    },
  );

  app.post(
    '/api/courses/:courseId/lessons/from-template',
    { schema: { tags, params: CourseParams, body: FromTemplateBody, response: { 201: LessonEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const lesson = await lessonTemplates.create(request.params.courseId, requireUser(request), request.body);
      return reply.status(201).send({ lesson });
    },
  );
}
