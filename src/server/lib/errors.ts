/** A failure the client caused or may know about; turned into the API error shape. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: { path: string; message: string }[] | undefined;

  constructor(statusCode: number, code: string, message: string, details?: { path: string; message: string }[]) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);
export const forbidden = (what = 'You are not allowed to do this') => new ApiError(403, 'forbidden', what);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in first');
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const badRequest = (code: string, message: string, path?: string) =>
  new ApiError(400, code, message, path ? [{ path, message }] : undefined);
