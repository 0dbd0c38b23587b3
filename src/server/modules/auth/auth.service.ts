import crypto from 'node:crypto';
import type { Locale } from '../../../shared/schemas/common.ts';
import { ApiError, conflict } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { UserRow, UsersRepository } from '../users/users.repository.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import type { SessionsRepository } from './sessions.repository.ts';

/** Sessions slide: each use within the window pushes the expiry out again. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** After this many failures in a row an account locks: 1 minute, doubling per further failure, up to an hour. */
export const LOCKOUT_AFTER = 5;
const LOCKOUT_MAX_MS = 60 * 60 * 1000;

export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT_AFTER) return 0;
  return Math.min(60_000 * 2 ** (failures - LOCKOUT_AFTER), LOCKOUT_MAX_MS);
}

/** Write the sliding expiry at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export type NewAccount = { email: string; password: string; name: string; locale?: Locale | undefined; timeZone?: string | undefined };

export function createAuthService(deps: { users: UsersRepository; sessions: SessionsRepository }) {
  const { users, sessions } = deps;

  async function startSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await sessions.insert({ id: hashToken(token), userId, now: now.toISOString(), expiresAt: expiresAt.toISOString() });
    return { token, expiresAt };
  }

  return {
    async createAccount(input: NewAccount): Promise<UserRow> {
      if (await users.findByEmail(input.email)) {
        throw conflict('email_taken', 'An account with this email already exists');
      }
      const row: UserRow = {
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: await hashPassword(input.password),
        locale: input.locale ?? 'en',
        time_zone: input.timeZone ?? 'UTC',
        created_at: nowIso(),
        failed_logins: 0,
        locked_until: null,
        is_admin: 0,
      };
      try {
        await users.insert(row);
      } catch (error) {
        // Two sign-ups racing for one email: the unique index decides.
        if (await users.findByEmail(input.email)) throw conflict('email_taken', 'An account with this email already exists');
        throw error;
      }
      return row;
    },

    async signUp(input: NewAccount) {
      const user = await this.createAccount(input);
      return { user, ...(await startSession(user.id)) };
    },

    async logIn(email: string, password: string) {
      const user = await users.findByEmail(email);
      if (user?.locked_until && Date.parse(user.locked_until) > Date.now()) {
        const seconds = Math.ceil((Date.parse(user.locked_until) - Date.now()) / 1000);
        throw new ApiError(429, 'account_locked', `Too many failed attempts; try again in ${seconds} seconds`);
      }
      const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
      if (!user) throw new ApiError(401, 'invalid_credentials', 'Email or password is wrong');
      if (!ok) {
        const lockMs = lockoutMs(await users.recordFailedLogin(user.id));
        if (lockMs > 0) await users.lockUntil(user.id, new Date(Date.now() + lockMs).toISOString());
        throw new ApiError(401, 'invalid_credentials', 'Email or password is wrong');
      }
      if (user.failed_logins > 0 || user.locked_until) await users.clearFailedLogins(user.id);
      return { user, ...(await startSession(user.id)) };
    },

    /** Changing the password ends every other session, then starts a fresh one for this browser. */
    async changePassword(userId: string, currentPassword: string, newPassword: string) {
      const user = await users.findById(userId);
      if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
        throw new ApiError(400, 'wrong_password', 'The current password is wrong', [{ path: 'body.currentPassword', message: 'The current password is wrong' }]);
      }
      await users.update(userId, { password_hash: await hashPassword(newPassword) });
      await sessions.deleteAllForUser(userId);
      return { user, ...(await startSession(userId)) };
    },

    async logOutEverywhere(userId: string): Promise<void> {
      await sessions.deleteAllForUser(userId);
    },

    async logOut(token: string): Promise<void> {
      await sessions.delete(hashToken(token));
    },

    /** The signed-in user for a cookie token, sliding the session forward now and then. */
    async userForToken(token: string): Promise<UserRow | undefined> {
      const id = hashToken(token);
      const now = new Date();
      const found = await sessions.findUser(id, now.toISOString());
      if (!found) return undefined;
      const { session_expires_at: _expires, session_last_seen_at: lastSeen, ...user } = found;
      if (now.getTime() - Date.parse(lastSeen) > TOUCH_EVERY_MS) {
        await sessions.touch(id, now.toISOString(), new Date(now.getTime() + SESSION_TTL_MS).toISOString());
      }
      return user;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
