import crypto from 'node:crypto';
import { ApiError } from '../../lib/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import { hashToken } from './auth.service.ts';
import { hashPassword } from './password.ts';
import type { PasswordResetsRepository } from './password-reset.repository.ts';
import { passwordResetTexts } from './password-reset.texts.ts';
import type { SessionsRepository } from './sessions.repository.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Links one account may be sent per hour; more requests are accepted (202) and dropped. */
export const RESETS_PER_HOUR = 3;

const invalidToken = () =>
  new ApiError(400, 'invalid_reset_token', 'This reset link has expired or was already used; ask for a new one', [{ path: 'body.token', message: 'Expired or already used' }]);

/**
 * Password reset by an emailed one-time link. The token is 256 random bits; only its SHA-256 is
 * stored; it expires after an hour and works once. Asking never says whether an account exists:
 * the work for a real account runs after the answer, so the timing is the same either way.
 */
export function createPasswordResetService(deps: {
  users: UsersRepository;
  sessions: SessionsRepository;
  resets: PasswordResetsRepository;
  mailer: Mailer;
  /** Where links point: PUBLIC_URL, never the request's Host header (which a caller controls). */
  baseUrl: string;
  log?: (message: string, error?: unknown) => void;
}) {
  const { users, sessions, resets, mailer } = deps;
  const pending = new Set<Promise<void>>();
  let last: Promise<void> = Promise.resolve();

  async function sendLink(email: string, now: Date): Promise<void> {
    const user = await users.findByEmail(email);
    if (!user) return;
    if ((await resets.countSince(user.id, new Date(now.getTime() - RESET_TTL_MS).toISOString())) >= RESETS_PER_HOUR) return;
    const token = crypto.randomBytes(32).toString('base64url');
    await resets.insert({ id: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString() });
    const texts = passwordResetTexts(user.locale);
    // In the fragment: it never reaches a server log or a Referer header.
    const url = `${deps.baseUrl}/reset-password#token=${token}`;
    mailer.queue({ to: user.email, subject: texts.subject, text: texts.body({ name: user.name, url, minutes: RESET_TTL_MS / 60_000 }) });
  }

  return {
    /** Accepts any address; a link goes out only to an existing account (at most RESETS_PER_HOUR an hour). */
    request(email: string, now = new Date()): void {
      // One after another in this process, so the per-account cap holds for a burst of requests.
      const job: Promise<void> = last
        .then(() => sendLink(email, now))
        .catch((error: unknown) => deps.log?.('password reset request failed', error))
        .finally(() => pending.delete(job));
      last = job;
      pending.add(job);
    },

    /** Sets the new password, ends every session and retires every other link of the account. */
    async confirm(token: string, newPassword: string, now = new Date()): Promise<void> {
      const stamp = now.toISOString();
      const userId = await resets.consume(hashToken(token), stamp);
      if (!userId) throw invalidToken();
      const user = await users.findById(userId);
      if (!user) throw invalidToken();
      await users.update(userId, { password_hash: await hashPassword(newPassword) });
      await users.clearFailedLogins(userId);
      await sessions.deleteAllForUser(userId);
      await resets.retireAll(userId, stamp);
      const texts = passwordResetTexts(user.locale);
      mailer.queue({ to: user.email, subject: texts.changedSubject, text: texts.changedBody({ name: user.name }) });
    },

    /** Resolves once every accepted request has been handled (tests, shutdown). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
      await mailer.idle();
    },
  };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
