import { z } from 'zod';
import { Id, Locale, TimeZone } from './common.ts';

export const User = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  locale: Locale,
  timeZone: z.string(),
});
export type User = z.infer<typeof User>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254));

/** Long passphrases are welcome; the upper bound keeps hashing cheap to refuse. */
export const Password = z.string().min(10, { message: 'Use at least 10 characters' }).max(256);

export const Name = z.string().trim().min(1).max(120);

export const SignupBody = z.object({
  email: Email,
  password: Password,
  name: Name,
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
});
export type SignupBody = z.input<typeof SignupBody>;

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(256),
});
export type LoginBody = z.input<typeof LoginBody>;

export const UpdateMeBody = z
  .object({ name: Name, locale: Locale, timeZone: TimeZone })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateMeBody = z.input<typeof UpdateMeBody>;

export const UserEnvelope = z.object({ user: User });

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password });
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;
