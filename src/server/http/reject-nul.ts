import type { FastifyInstance } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import { findNul } from '../lib/text.ts';

/** Refuses a NUL character anywhere in the path, query or JSON/text body with 400 (see lib/text.ts). */
export function installNulRejection(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where = findNul(request.params, 'params') ?? findNul(request.query, 'querystring') ?? findNul(request.body, 'body');
    if (where !== undefined) {
      throw new ApiError(400, 'invalid_characters', 'Text may not contain NUL characters', [{ path: where.replace(/^\./, ''), message: 'Contains a NUL character' }]);
    }
  });
}
