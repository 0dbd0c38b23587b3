import { ApiError, type Parser } from '../../lib/api.ts';
import { queueWrite } from './queue.ts';

/**
 * The write side of `lib/api.ts` for a student's responses, through the offline queue
 * (queue.ts): same results and ApiErrors, but nothing is lost while the network is away.
 */
async function parsed<T>(schema: Parser<T>, data: unknown, what: string): Promise<T> {
  try {
    return schema.parse(data);
  } catch {
    throw new ApiError(200, 'unexpected_response', `Unexpected response from ${what}`);
  }
}

export const offlineApi = {
  /** Autosave (PUT …/response): later saves of the same response collapse while they wait. */
  async save<T>(activityId: string, path: string, schema: Parser<T>, body: Record<string, unknown>): Promise<T> {
    return parsed(schema, await queueWrite({ kind: 'save', method: 'PUT', url: path, body, activityId }), `PUT ${path}`);
  },
  /** Submit (POST …/submit) with its submissionId: sent once, however often it is retried. */
  async submit<T>(activityId: string, path: string, schema: Parser<T>, body: Record<string, unknown>): Promise<T> {
    return parsed(schema, await queueWrite({ kind: 'submit', method: 'POST', url: path, body, activityId }), `POST ${path}`);
  },
};
