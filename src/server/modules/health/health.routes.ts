import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';

export function registerHealthRoutes(app: App, deps: { database: Database }): void {
  app.get(
    '/api/health',
    { schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }), ...errors(503) } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ error: { code: 'database_unavailable', message: 'The database does not answer' } });
      }
    },
  );
}
