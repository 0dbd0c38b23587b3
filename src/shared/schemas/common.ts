import { z } from 'zod';

/** Opaque identifiers: the server makes them, clients only pass them back. */
export const Id = z.string().min(1).max(64);

/** An ISO 8601 instant in UTC, as every time travels over the API. */
export const Instant = z.iso.datetime({ offset: true });

export const Locale = z.enum(['en', 'fr']);
export type Locale = z.infer<typeof Locale>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone the runtime knows, such as `Europe/Paris`. */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: 'Unknown IANA time zone' });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
