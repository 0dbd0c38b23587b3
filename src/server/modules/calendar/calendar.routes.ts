import type { FastifyRequest } from 'fastify';
import { CalendarUrl } from '../../../shared/schemas/live.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import { notFound } from '../../lib/errors.ts';
import type { CalendarService } from './calendar.service.ts';
import { z } from 'zod';

/** Feed URLs are pasted into calendar apps, so they use the public address when one is configured. */
const originFor = (publicUrl: string | undefined) => (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
const FeedParams = z.object({ token: z.string().max(200) });

export function registerCalendarRoutes(app: App, deps: { calendar: CalendarService; publicUrl: string | undefined }): void {
  const { calendar } = deps;
  const origin = originFor(deps.publicUrl);
  const tags = ['calendar'];

  app.get('/api/me/calendar', { schema: { tags, response: { 200: CalendarUrl, ...errors(401) } } }, async (request) => {
    return { url: await calendar.url(requireUser(request), origin(request)) };
  });

  app.post('/api/me/calendar/reset', { schema: { tags, response: { 200: CalendarUrl, ...errors(401) } } }, async (request) => {
    return { url: await calendar.reset(requireUser(request), origin(request)) };
  });

  // The token is the credential: calendar apps cannot send cookies. Limited per address against guessing.
  app.get(
    '/api/calendar/:token.ics',
    {
      schema: { tags, params: FeedParams, produces: ['text/calendar'], response: { 200: z.string().describe('An iCalendar (RFC 5545) document'), ...errors(404, 429) } },
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(request.params.token)) throw notFound('No calendar here');
      const body = await calendar.feed(request.params.token, origin(request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="tandem.ics"')
        .send(body);
    },
  );
}
