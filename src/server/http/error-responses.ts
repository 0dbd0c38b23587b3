import { ErrorBody } from '../../shared/schemas/common.ts';

/** The error statuses a route can answer, each with the shared error shape (for OpenAPI). */
export function errors<S extends number>(...statuses: S[]): Record<S, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<S, typeof ErrorBody>;
}
