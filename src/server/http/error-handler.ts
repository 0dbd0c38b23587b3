import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ApiError } from '../lib/errors.ts';

type Detail = { path: string; message: string };

/** Fastify's own client errors, renamed into our snake_case codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

const STATUS_CODES: Record<number, string> = { 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };

/**
 * Errors the router raises before any route or hook runs (a malformed percent-encoding, a path
 * segment past the router's length limit): same shape as every other error.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, generic) => {
  const reply = generic as unknown as FastifyReply;
  const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'bad_request';
  reply.status(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send({ error: { code, message: code === 'uri_too_long' ? 'A part of this address is too long' : 'This address is not valid' } });
};

/** Every error leaves as `{error: {code, message, details?}}`: never HTML, never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: Detail[] = error.validation.map((issue) => {
        const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const path = [error.validationContext, where].filter(Boolean).join('.');
        return { path, message: issue.message ?? 'Invalid value' };
      });
      return reply.status(400).send({
        error: { code: 'validation_failed', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[error.code] ?? STATUS_CODES[status] ?? 'bad_request';
      const message = status === 429 ? 'Too many attempts; wait a moment and try again' : error.message;
      return reply.status(status).send({ error: { code, message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
  });
}
