import type { DataExport } from '../../../shared/schemas/privacy.ts';
import { ApiError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { nowIso } from '../../lib/ids.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { isAdmin, type AuditRecorder } from '../audit/audit.service.ts';
import type { UserRow, UsersRepository } from '../users/users.repository.ts';
import type { PrivacyRepository } from './privacy.repository.ts';

/**
 * A person's own data (export) and the deletion of an account with everything its owner wrote.
 *
 * Who may delete an account (docs/security.md):
 * - an administrator: any account but their own, unless it is the last teacher of a course;
 * - a teacher: a student whose every course is one this teacher teaches (so no teacher can erase
 *   a student's work in someone else's course); otherwise they remove the student from their
 *   course instead. Teachers' and admins' accounts: administrators only.
 * Callers who share no course with the account get 404, as if it did not exist.
 */
export function createPrivacyService(deps: { privacy: PrivacyRepository; users: UsersRepository; audit: AuditRecorder; auditLog: AuditRepository }) {
  const { privacy, users, audit } = deps;

  async function mayDelete(actor: UserRow, target: UserRow): Promise<{ courses: { course_id: string; role: string }[] }> {
    const courses = await privacy.memberships(target.id);
    if (isAdmin(actor)) {
      for (const m of courses.filter((c) => c.role === 'teacher')) {
        if ((await privacy.teacherCount(m.course_id)) <= 1) throw conflict('last_teacher', `This account is the only teacher of “${m.title}”; add another teacher or delete the course first`);
      }
      return { courses };
    }
    const mine = new Map((await privacy.memberships(actor.id)).map((m) => [m.course_id, m.role]));
    const shared = courses.filter((c) => mine.has(c.course_id));
    if (!shared.some((c) => mine.get(c.course_id) === 'teacher')) throw notFound('Account not found');
    if (isAdmin(target) || courses.some((c) => c.role === 'teacher')) throw forbidden('Only an administrator can delete a teacher’s or an administrator’s account');
    if (courses.some((c) => mine.get(c.course_id) !== 'teacher')) {
      throw forbidden('This student is also in courses you do not teach: remove them from your course, or ask an administrator to delete the account');
    }
    return { courses };
  }

  return {
    async exportFor(user: UserRow): Promise<DataExport> {
      const data = await privacy.exportFor(user.id, user.email);
      return {
        format: 'tandem-personal-data',
        version: 1,
        exportedAt: nowIso(),
        account: { id: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.time_zone, createdAt: user.created_at, isAdmin: isAdmin(user) },
        ...data,
        auditAboutMe: (await deps.auditLog.listAbout(user.id)).map((a) => ({ ...a, details: JSON.parse(a.details) as unknown })),
      };
    },

    async deleteAccount(actor: UserRow, targetId: string): Promise<Record<string, number>> {
      if (actor.id === targetId) throw conflict('own_account', 'You cannot delete your own account here');
      const target = await users.findById(targetId);
      if (!target) throw notFound('Account not found');
      const { courses } = await mayDelete(actor, target);
      const removed = await privacy.deleteAccount(target.id, target.email);
      const role = isAdmin(target) ? 'admin' : courses.some((c) => c.role === 'teacher') ? 'teacher' : 'student';
      // One entry per course the person was in, so each course's teachers see it; one without a course otherwise.
      const scopes = courses.length > 0 ? courses.map((c) => c.course_id) : [null];
      for (const courseId of scopes) {
        await audit.record({ actorId: actor.id, action: 'account.deleted', targetType: 'user', targetId: target.id, courseId, details: { role, byAdmin: isAdmin(actor), removed } });
      }
      return removed;
    },

    /** CLI: grants (or withdraws) the admin flag. */
    async setAdmin(email: string, admin: boolean): Promise<UserRow> {
      const user = await users.findByEmail(email.trim().toLowerCase());
      if (!user) throw new ApiError(404, 'user_not_found', `No account uses ${email}`);
      await privacy.setAdmin(user.id, admin);
      if (admin) await audit.record({ actorId: null, action: 'account.admin_granted', targetType: 'user', targetId: user.id, courseId: null });
      return { ...user, is_admin: admin ? 1 : 0 };
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
