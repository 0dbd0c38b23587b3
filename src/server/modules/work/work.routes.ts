import { MyWork } from '../../../shared/schemas/work.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { WorkService } from './work.service.ts';

export function registerWorkRoutes(app: App, deps: { work: WorkService }): void {
  app.get(
    '/api/me/work',
    { schema: { tags: ['work'], description: 'Signed in. The caller’s open pre/post work across courses, grouped by urgency.', response: { 200: MyWork, ...errors(401) } } },
    async (request) => deps.work.forUser(requireUser(request).id),
  );
}
