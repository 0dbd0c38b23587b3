import { LessonReport } from '../../../shared/schemas/lesson-report.ts';
import { LessonParams } from '../../../shared/schemas/lessons.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { LessonReportService } from './lesson-report.service.ts';

export function registerLessonReportRoutes(app: App, deps: { lessonReport: LessonReportService }): void {
  const { lessonReport } = deps;
  const tags = ['lesson-report'];

  app.get(
    '/api/lessons/:lessonId/report',
    { schema: { tags, description: 'Teacher. Pre-work, attendance, live participation and post-work per student.', params: LessonParams, response: { 200: LessonReport, ...errors(401, 403, 404) } } },
    async (request) => lessonReport.report(request.params.lessonId, requireUser(request).id),
  );

  app.get(
    '/api/lessons/:lessonId/report.csv',
    { schema: { tags, description: 'Teacher. The same report as CSV (UTF-8 with BOM).', params: LessonParams } },
    async (request, reply) => {
      const { csv } = await lessonReport.csv(request.params.lessonId, requireUser(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="lesson-report-${request.params.lessonId}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
