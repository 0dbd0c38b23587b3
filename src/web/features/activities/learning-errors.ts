import type { TFunction } from 'i18next';
import { errorMessage } from '../../i18n/error-message.ts';

/**
 * Error codes of lessons, activities, responses, uploads and import, worded in the user's
 * language (`activity.errors.*`); handed to errorMessage() as overrides.
 */
const CODES = [
  'activity_closed',
  'not_open',
  'attempts_exhausted',
  'not_watched',
  'empty_response',
  'invalid_response',
  'invalid_answers',
  'stale_response',
  'busy',
  'post_deleted',
  'empty_note',
  'invalid_markdown',
  'invalid_encoding',
  'invalid_front_matter',
  'payload_too_large',
  'file_type_mismatch',
  'empty_file',
  'unsupported_media_type',
  'unknown_upload',
  'invalid_order',
] as const;

export function learningErrorOverrides(t: TFunction): Partial<Record<string, string>> {
  return Object.fromEntries(CODES.map((code) => [code, t(`activity.errors.${code}`)]));
}

/** What went wrong, in words, for anything in the learning pages. */
export function learningError(t: TFunction, error: unknown): string {
  return errorMessage(t, error, learningErrorOverrides(t));
}
