import { z } from 'zod';
import { Id, Instant } from './common.ts';

/**
 * The audit log: what teachers and administrators did to grades and accounts. Written by the
 * services as the action happens; read by the course's teachers (their course) and by admins.
 */
export const AUDIT_ACTIONS = [
  'response.feedback', // a teacher wrote or changed feedback on a student's response
  'response.score', // a teacher set or changed a score
  'course.member_removed', // a member was removed from a course (or left it)
  'course.teacher_added', // a co-teacher was added (or a student promoted)
  'account.deleted', // an account was deleted with everything its owner wrote
  'account.admin_granted', // an account became an administrator (CLI)
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  action: AuditAction,
  /** Who did it; null for the command line, name null once the account is gone. */
  actor: z.object({ userId: Id, name: z.string().nullable() }).nullable(),
  targetType: z.enum(['response', 'user', 'course']),
  targetId: Id,
  /** The person concerned (a response's student, a removed member); name null once deleted. */
  subject: z.object({ userId: Id, name: z.string().nullable() }).nullable(),
  courseId: Id.nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: Instant,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Newest first; `before` (an entry's createdAt) pages back. */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: Instant.optional(),
});
export const AuditList = z.object({ entries: z.array(AuditEntry) });
