import { Ok } from '../../../shared/schemas/common.ts';
import { NotificationList, NotificationParams } from '../../../shared/schemas/notifications.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { NotificationsService } from './notifications.service.ts';

export function registerNotificationRoutes(app: App, deps: { notifications: NotificationsService }): void {
  const { notifications } = deps;
  const tags = ['notifications'];

  app.get('/api/me/notifications', { schema: { tags, response: { 200: NotificationList, ...errors(401) } } }, async (request) =>
    notifications.list(requireUser(request)),
  );

  app.post(
    '/api/me/notifications/read-all',
    { schema: { tags, response: { 200: Ok, ...errors(401) } } },
    async (request) => {
      await notifications.markAllRead(requireUser(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/notifications/:notificationId/read',
    { schema: { tags, params: NotificationParams, response: { 200: Ok, ...errors(401, 404) } } },
    async (request) => {
      await notifications.markRead(requireUser(request), request.params.notificationId);
      return { ok: true as const };
    },
  );
}
