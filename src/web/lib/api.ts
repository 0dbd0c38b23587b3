import { commonSchemas } from './lazy-schemas.ts';

export type ErrorDetail = { path: string; message: string };

/** Anything that can check an unknown value and return it typed: the shared zod schemas. */
export type Parser<T> = { parse(data: unknown): T };

/** A schema, or a function loading one, so a page can call the API before zod has arrived. */
export type Schema<T> = Parser<T> | (() => Promise<Parser<T>>);

async function parserOf<T>(schema: Schema<T>): Promise<Parser<T>> {
  return typeof schema === 'function' ? schema() : schema;
}

/**
 * A failed API call, carrying the server's `{code, message, details}`. Network failures use
 * status 0 and code `network_error`, so callers handle every failure the same way.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** The whole error body as sent, for errors that carry more (409 stale_response has `current`). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A body sent as is (a file, a Markdown note) rather than as JSON. */
type RawBody = { raw: BodyInit; contentType: string };

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;
}

async function request<T>(method: string, path: string, schema: Schema<T>, body?: unknown): Promise<T>;
async function request<T>(method: string, path: string, schema: Schema<T>, body: unknown, nullOn: number): Promise<T | null>;
async function request<T>(method: string, path: string, schema: Schema<T>, body?: unknown, nullOn?: number): Promise<T | null> {
  let response: Response;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (isRaw(body)) headers['content-type'] = body.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? null : isRaw(body) ? body.raw : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach Tandem');
  }
  if (response.status === nullOn) return null;
  const data = await readJson(response);
  if (!response.ok) {
    const { ErrorBody } = await commonSchemas();
    const parsed = ErrorBody.safeParse(data);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details, data);
    }
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  // Responses are input too: parse them, then trust the type.
  const parser = await parserOf(schema);
  try {
    return parser.parse(data);
  } catch {
    throw new ApiError(response.status, 'unexpected_response', `Unexpected response from ${method} ${path}`);
  }
}

export const api = {
  get: <T>(path: string, schema: Schema<T>) => request('GET', path, schema),
  /** GET where one status is an expected answer, not a failure (e.g. 401: signed out): null then. */
  getOrNull: <T>(path: string, schema: Schema<T>, status: number) => request('GET', path, schema, undefined, status),
  post: <T>(path: string, schema: Schema<T>, body?: unknown) => request('POST', path, schema, body ?? {}),
  patch: <T>(path: string, schema: Schema<T>, body: unknown) => request('PATCH', path, schema, body),
  /** POST a body as is, e.g. a Markdown note as text/markdown. */
  postRaw: <T>(path: string, schema: Schema<T>, raw: BodyInit, contentType: string) => request('POST', path, schema, { raw, contentType } satisfies RawBody),
  put: <T>(path: string, schema: Schema<T>, body: unknown) => request('PUT', path, schema, body),
  delete: <T>(path: string, schema: Schema<T>) => request('DELETE', path, schema),
};
