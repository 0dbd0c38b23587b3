import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api.ts';

/** API error codes with their own wording in the locale files (`errors.code.*`). */
const KNOWN_CODES = [
  'invalid_credentials',
  'email_taken',
  'not_found',
  'course_archived',
  'user_not_found',
  'last_teacher',
  'rate_limited',
  'network_error',
  'validation_failed',
  'forbidden',
  'unauthorized',
  'csrf_rejected',
  'internal_error',
  'join_code_exhausted',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * What went wrong, in the user's language. The server's English `message` is never shown:
 * each code maps to a translated sentence, and `overrides` lets a page say it better in context
 * (a `not_found` on the join form means "no course has this code").
 */
export function errorMessage(t: TFunction, error: unknown, overrides: Partial<Record<string, string>> = {}): string {
  if (!isApiError(error)) return t('errors.generic');
  const override = overrides[error.code];
  if (override) return override;
  return isKnownCode(error.code) ? t(`errors.code.${error.code}`) : t('errors.generic');
}
