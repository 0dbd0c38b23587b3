import { CourseParams } from '../../../shared/schemas/courses.ts';
import { ProgressGrid } from '../../../shared/schemas/progress.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { ProgressService } from './progress.service.ts';

export function registerProgressRoutes(app: App, deps: { progress: ProgressService }): void {
  const { progress } = deps;
  const tags = ['progress'];

  app.get(
    '/api/courses/:courseId/progress',
    { schema: { tags, description: 'Teacher. Students × activities with status and score.', params: CourseParams, response: { 200: ProgressGrid, ...errors(401, 403, 404) } } },
    async (request) => progress.grid(request.params.courseId, requireUser(request).id),
  );

  app.get(
    '/api/courses/:courseId/progress.csv',
    { schema: { tags, description: 'Teacher. The same grid as CSV (UTF-8 with BOM).', params: CourseParams } },
    async (request, reply) => {
      const csv = await progress.csv(request.params.courseId, requireUser(request).id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="progress-${request.params.courseId}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
