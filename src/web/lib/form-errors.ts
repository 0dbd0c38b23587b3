import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from './api.ts';
import { errorMessage } from '../i18n/error-message.ts';

/** Field name → a message ready to show under that field; `form` is for the whole form. */
export type FieldErrors = Partial<Record<string, string>>;

function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('errors.field.required') : t('errors.field.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('errors.field.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('errors.field.email') : t('errors.field.invalid');
    default:
      return t('errors.field.invalid');
  }
}

/**
 * Checks a form with the same shared schema the server uses, so the rules cannot drift, but
 * words the problems in the user's language. `messages` replaces the wording for one field.
 */
export function validate<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  input: unknown,
  messages: Partial<Record<string, string>> = {},
): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= messages[field] ?? issueMessage(t, issue);
  }
  return { errors };
}

/**
 * Places a failed request's error next to the field it concerns: by code (`email_taken` → email)
 * or by the `details` path the server gives for validation failures; anything else goes to `form`.
 */
export function apiFieldErrors(
  t: TFunction,
  error: unknown,
  options: { fieldFor?: Partial<Record<string, string>>; overrides?: Partial<Record<string, string>> } = {},
): FieldErrors {
  const message = errorMessage(t, error, options.overrides);
  if (!isApiError(error)) return { form: message };
  const field = options.fieldFor?.[error.code];
  if (field) return { [field]: message };
  if (error.code === 'validation_failed' && error.details.length > 0) {
    const errors: FieldErrors = {};
    for (const detail of error.details) {
      const name = detail.path.replace(/^body\.?/, '').split('.')[0] || 'form';
      errors[name] ??= t('errors.field.invalid');
    }
    return errors;
  }
  return { form: message };
}

/** A form's text value by name ('' when missing), read from the submitted form element. */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
