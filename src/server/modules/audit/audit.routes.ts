import { AuditList, AuditQuery } from '../../../shared/schemas/audit.ts';
import { CourseParams } from '../../../shared/schemas/courses.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { AuditService } from './audit.service.ts';

export function registerAuditRoutes(app: App, deps: { audit: AuditService }): void {
  const { audit } = deps;
  const tags = ['audit'];

  app.get(
    '/api/courses/:courseId/audit',
    { schema: { tags, description: 'Course teachers and admins. What teachers and admins did to grades and members of the course, newest first.', params: CourseParams, querystring: AuditQuery, response: { 200: AuditList, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ entries: await audit.forCourse(request.params.courseId, requireUser(request), request.query) }),
  );

  app.get(
    '/api/audit',
    { schema: { tags, description: 'Admins. The whole audit log, account deletions included, newest first.', querystring: AuditQuery, response: { 200: AuditList, ...errors(400, 401, 403) } } },
    async (request) => ({ entries: await audit.all(requireUser(request), request.query) }),
  );
}
