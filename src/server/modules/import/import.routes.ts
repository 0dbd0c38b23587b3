import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CourseParams } from '../../../shared/schemas/courses.ts';
import { LessonEnvelope } from '../../../shared/schemas/lessons.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import { badRequest } from '../../lib/errors.ts';
import { IMPORT_MAX_BYTES, type ImportService } from './import.service.ts';

const MARKDOWN_TYPES = ['text/markdown', 'text/x-markdown'];
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function registerImportRoutes(app: App, deps: { import: ImportService }): void {
  // Scoped so only this route reads text/markdown bodies (at most 1 MB; 413 beyond).
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(MARKDOWN_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => {
      try {
        done(null, utf8.decode(body as Buffer));
      } catch {
        done(badRequest('invalid_encoding', 'The note is not valid UTF-8 text'), undefined);
      }
    });
    scope.post(
      '/api/courses/:courseId/import',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: ['import'],
          description: 'Teacher. Body: a Markdown note (Content-Type text/markdown, ≤ 1 MB), e.g. from Obsidian; ?name=<file name> for a fallback title.',
          consumes: MARKDOWN_TYPES,
          params: CourseParams,
          querystring: z.object({ name: z.string().max(255).optional() }),
          body: z.string(),
          response: { 201: LessonEnvelope, ...errors(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const lesson = await deps.import.importForTeacher(request.params.courseId, requireUser(request).id, request.body, request.query.name);
        return reply.status(201).send({ lesson });
      },
    );
  });
}
