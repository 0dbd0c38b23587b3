import { DataExport, DeletedAccount, UserParams } from '../../../shared/schemas/privacy.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { PrivacyService } from './privacy.service.ts';

export function registerPrivacyRoutes(app: App, deps: { privacy: PrivacyService }): void {
  const { privacy } = deps;
  const tags = ['privacy'];

  app.get(
    '/api/me/export',
    { schema: { tags, description: 'Signed in. Everything Tandem holds about the caller, as one JSON file (a download).', response: { 200: DataExport, ...errors(401) } } },
    async (request, reply) => {
      const data = await privacy.exportFor(requireUser(request));
      return reply
        .header('content-disposition', `attachment; filename="tandem-my-data-${data.exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.delete(
    '/api/users/:userId',
    {
      schema: {
        tags,
        description:
          'Admins (any account but their own and the last teacher of a course), or a teacher for a student whose every course they teach. ' +
          'Deletes the account with everything its owner wrote; the audit log keeps the fact.',
        params: UserParams,
        response: { 200: DeletedAccount, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => ({ ok: true as const, removed: await privacy.deleteAccount(requireUser(request), request.params.userId) }),
  );
}
