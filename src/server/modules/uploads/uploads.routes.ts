import { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/schemas/common.ts';
import { CourseParams } from '../../../shared/schemas/courses.ts';
import { UPLOAD_TYPES, UploadEnvelope, UploadIdParams, UploadList, UploadParams, UploadQuery } from '../../../shared/schemas/uploads.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { contentDisposition, type UploadsService } from './uploads.service.ts';

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range); undefined when absent or unusable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

export function registerUploadRoutes(app: App, deps: { uploads: UploadsService }): void {
  const { uploads } = deps;
  const tags = ['uploads'];

  // Raw uploads: the body stays a stream (never buffered); size and type are checked as it flows.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser([...UPLOAD_TYPES], (_request, payload, done) => done(null, payload));
    scope.post(
      '/api/courses/:courseId/uploads',
      {
        schema: {
          tags,
          description: `Teacher. The raw file is the body; Content-Type one of ${UPLOAD_TYPES.join(', ')} (images ≤ 10 MB, videos ≤ 500 MB); ?name=<file name>.`,
          consumes: [...UPLOAD_TYPES],
          params: CourseParams,
          querystring: UploadQuery,
          response: { 201: UploadEnvelope, ...errors(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (!(request.body instanceof Readable)) throw new ApiError(415, 'unsupported_media_type', 'Send the file as the raw request body');
        const length = request.headers['content-length'];
        const upload = await uploads.upload(request.params.courseId, user.id, {
          contentType: request.headers['content-type'] ?? '',
          fileName: request.query.name,
          declaredLength: length !== undefined ? Number(length) : undefined,
          body: request.body,
        });
        return reply.status(201).send({ upload });
      },
    );
  });

  app.get(
    '/api/courses/:courseId/uploads',
    { schema: { tags, params: CourseParams, response: { 200: UploadList, ...errors(401, 404) } } },
    async (request) => ({ uploads: await uploads.list(request.params.courseId, requireUser(request).id) }),
  );

  app.get(
    '/api/uploads/:uploadId/:fileName',
    { schema: { tags, description: 'Course members only. Supports a single Range.', params: UploadParams } },
    async (request, reply) => {
      const { row, size, open } = await uploads.open(request.params.uploadId, request.params.fileName, requireUser(request).id);
      const range = parseRange(request.headers.range, size);
      if (range === 'invalid') {
        reply.header('content-range', `bytes */${size}`);
        throw new ApiError(416, 'range_not_satisfiable', 'The requested range is outside the file');
      }
      const media = row.content_type.startsWith('image/') || row.content_type.startsWith('video/');
      reply
        .header('content-type', row.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(media ? 'inline' : 'attachment', row.file_name))
        .header('cache-control', 'private, max-age=3600')
        .header('accept-ranges', 'bytes');
      if (range) {
        reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
        return reply.send(await open(range));
      }
      reply.header('content-length', size);
      return reply.send(await open());
    },
  );

  app.delete(
    '/api/uploads/:uploadId',
    { schema: { tags, params: UploadIdParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await uploads.delete(request.params.uploadId, requireUser(request).id);
      return { ok: true as const };
    },
  );
}
