import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** The origins this server answers as: PUBLIC_URL when set, and the Host the request came to. */
function ownOrigins(request: FastifyRequest, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  const host = request.headers.host;
  const fromHost = host ? originOf(`${request.protocol}://${host}`) : undefined;
  if (fromHost) origins.add(fromHost);
  return origins;
}

/**
 * CSRF defence from API.md: a state-changing request carrying the session cookie must come from
 * our own origin (Origin header, or Referer when Origin is missing). A foreign Origin is refused
 * even without a cookie, which also stops login CSRF.
 */
export function installCsrfProtection(app: FastifyInstance, publicUrl: string | undefined): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const claimed = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    const hasSession = Boolean(request.cookies?.[SESSION_COOKIE]);
    if (!claimed && !hasSession) return;
    if (!claimed || !ownOrigins(request, publicUrl).has(claimed)) {
      throw new ApiError(403, 'csrf_rejected', 'This request did not come from Tandem itself');
    }
  });
}
