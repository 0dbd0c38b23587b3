import { AuditAction, type AuditEntry } from '../../../shared/schemas/audit.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CoursesRepository } from '../courses/courses.repository.ts';
import type { UserRow } from '../users/users.repository.ts';
import type { AuditRepository, AuditRowWithNames } from './audit.repository.ts';

export type AuditRecord = {
  actorId: string | null;
  action: AuditAction;
  targetType: AuditEntry['targetType'];
  targetId: string;
  courseId: string | null;
  details?: Record<string, unknown>;
};

/** What services call to write an entry; the audit module's only dependency-free face. */
export type AuditRecorder = { record(entry: AuditRecord): Promise<void> };

export const isAdmin = (user: Pick<UserRow, 'is_admin'>) => Number(user.is_admin) === 1;

function present(row: AuditRowWithNames): AuditEntry {
  const type = row.target_type === 'response' || row.target_type === 'user' ? row.target_type : 'course';
  const details = JSON.parse(row.details) as Record<string, unknown>;
  const subjectId = row.subject_id ?? (type === 'user' ? row.target_id : typeof details.studentId === 'string' ? details.studentId : null);
  return {
    id: row.id,
    action: AuditAction.catch('response.feedback').parse(row.action),
    actor: row.actor_id ? { userId: row.actor_id, name: row.actor_name } : null,
    targetType: type,
    targetId: row.target_id,
    subject: subjectId ? { userId: subjectId, name: row.subject_name } : null,
    courseId: row.course_id,
    details,
    createdAt: row.created_at,
  };
}

export function createAuditService(deps: { audit: AuditRepository; courses: CoursesRepository; policy: CoursePolicy }) {
  const { audit, courses, policy } = deps;
  // Entries of one action (feedback, then score) often share a millisecond: keep them in order.
  let last = 0;
  const stamp = () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last).toISOString();
  };
  return {
    async record(entry: AuditRecord): Promise<void> {
      await audit.insert({
        id: newId(),
        actor_id: entry.actorId,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        course_id: entry.courseId,
        details: JSON.stringify(entry.details ?? {}),
        created_at: stamp(),
      });
    },

    /** The course's teachers, and admins (who may not be members). Others: 404, students 403. */
    async forCourse(courseId: string, user: UserRow, page: { limit: number; before?: string | undefined }): Promise<AuditEntry[]> {
      if (isAdmin(user)) {
        if (!(await courses.findById(courseId))) throw notFound('Course not found');
      } else {
        await policy.requireTeacher(courseId, user.id);
      }
      return (await audit.listForCourse(courseId, page.limit, page.before)).map(present);
    },

    /** Admins: every entry, account deletions included. */
    async all(user: UserRow, page: { limit: number; before?: string | undefined }): Promise<AuditEntry[]> {
      if (!isAdmin(user)) throw forbidden('Only administrators can read the whole audit log');
      return (await audit.listAll(page.limit, page.before)).map(present);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
