import { z } from 'zod';
import { Email, Password } from './auth.ts';
import { Id } from './common.ts';

// ---------- Password reset by emailed one-time link ----------

/** POST /api/auth/password-reset: always 202, whether or not the address has an account. */
export const PasswordResetRequestBody = z.object({ email: Email });
export type PasswordResetRequestBody = z.input<typeof PasswordResetRequestBody>;

/** The token from the emailed link: 32 random bytes, base64url (43 characters). */
export const ResetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'This reset link is not valid' });

/** POST /api/auth/password-reset/confirm */
export const PasswordResetConfirmBody = z.object({ token: ResetToken, newPassword: Password });
export type PasswordResetConfirmBody = z.input<typeof PasswordResetConfirmBody>;

export const Accepted = z.object({ ok: z.literal(true) });

// ---------- Data export and account deletion ----------

export const UserParams = z.object({ userId: Id });

/**
 * GET /api/me/export: everything Tandem holds about the caller, as one JSON document. The shape
 * of each section follows the stored rows (documented in docs/security.md); no secrets
 * (password hash, session and feed tokens) are included.
 */
export const DataExport = z.object({
  format: z.literal('tandem-personal-data'),
  version: z.literal(1),
  exportedAt: z.string(),
  account: z.object({ id: Id, email: z.string(), name: z.string(), locale: z.string(), timeZone: z.string(), createdAt: z.string(), isAdmin: z.boolean() }),
  memberships: z.array(z.record(z.string(), z.unknown())),
  responses: z.array(z.record(z.string(), z.unknown())),
  quizItemResults: z.array(z.record(z.string(), z.unknown())),
  questions: z.array(z.record(z.string(), z.unknown())),
  questionVotes: z.array(z.record(z.string(), z.unknown())),
  posts: z.array(z.record(z.string(), z.unknown())),
  notifications: z.array(z.record(z.string(), z.unknown())),
  attendance: z.array(z.record(z.string(), z.unknown())),
  helpRequests: z.array(z.record(z.string(), z.unknown())),
  chatMessages: z.array(z.record(z.string(), z.unknown())),
  stuckFlags: z.array(z.record(z.string(), z.unknown())),
  assignedActivities: z.array(z.record(z.string(), z.unknown())),
  uploads: z.array(z.record(z.string(), z.unknown())),
  sessions: z.array(z.record(z.string(), z.unknown())),
  auditAboutMe: z.array(z.record(z.string(), z.unknown())),
});
export type DataExport = z.infer<typeof DataExport>;

export const DeletedAccount = z.object({
  ok: z.literal(true),
  /** Rows removed, per table (responses, questions, posts, …). */
  removed: z.record(z.string(), z.number()),
});
