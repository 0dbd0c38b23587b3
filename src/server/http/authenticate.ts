import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthorized } from '../lib/errors.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { UserRow } from '../modules/users/users.repository.ts';
import { sessionToken } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null; resolved once per API request from the session cookie. */
    user: UserRow | null;
  }
}

export function installAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.addHook('preHandler', async (request) => {
    // Static files never need the user; skip the session lookup for them.
    if (!request.url.startsWith('/api/')) return;
    const token = sessionToken(request);
    request.user = token ? ((await auth.userForToken(token)) ?? null) : null;
  });
}

export function requireUser(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthorized();
  return request.user;
}
