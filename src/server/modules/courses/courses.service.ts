import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type Course, type CourseDetail, type LessonSummary, type Member } from '../../../shared/schemas/courses.ts';
import { ApiError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId, nowIso, randomString } from '../../lib/ids.ts';
import type { AuditRecorder } from '../audit/audit.service.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import type { CoursePolicy } from './courses.policy.ts';
import type { CourseWithRole, CoursesRepository } from './courses.repository.ts';

export function generateJoinCode(): string {
  return randomString(JOIN_CODE_LENGTH, JOIN_CODE_ALPHABET);
}

export function createCoursesService(deps: {
  courses: CoursesRepository;
  users: UsersRepository;
  policy: CoursePolicy;
  /** The lessons module's summaries (with liveStartsAt when live sessions are attached). */
  lessonSummaries?: { summaries(courseId: string): Promise<LessonSummary[]> };
  /** Co-teachers added and members removed go to the audit log. */
  audit?: AuditRecorder;
}) {
  const { courses, users, policy } = deps;

  /** A fresh join code no other course holds (31^8 codes: a clash is rare, but checked). */
  async function uniqueJoinCode(): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = generateJoinCode();
      if (!(await courses.findByJoinCode(code))) return code;
    }
    throw new ApiError(503, 'join_code_exhausted', 'Could not make a unique join code; try again');
  }

  async function present(rows: CourseWithRole[]): Promise<Course[]> {
    const summaries = await courses.memberSummaries(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      role: row.role,
      archived: row.archived === 1,
      joinCode: row.role === 'teacher' ? row.join_code : null,
      createdAt: row.created_at,
      teacherNames: summaries.get(row.id)?.teacherNames ?? [],
      studentCount: summaries.get(row.id)?.studentCount ?? 0,
      preworkBudgetMinutes: Number(row.prework_budget_minutes),
      readinessThresholdPercent: Number(row.readiness_threshold_percent),
    }));
  }

  async function presentOne(row: CourseWithRole): Promise<Course> {
    const [course] = await present([row]);
    return course!;
  }

  async function reload(courseId: string, userId: string): Promise<Course> {
    return presentOne(await policy.requireMember(courseId, userId));
  }

  return {
    async list(userId: string): Promise<Course[]> {
      return present(await courses.listForUser(userId));
    },

    async create(userId: string, input: { title: string; description?: string | undefined }): Promise<Course> {
      const now = nowIso();
      const row = {
        id: newId(),
        title: input.title,
        description: input.description ?? '',
        join_code: await uniqueJoinCode(),
        archived: 0,
        created_at: now,
        updated_at: now,
      };
      await courses.insertWithTeacher(row, userId);
      return reload(row.id, userId);
    },

    async detail(courseId: string, userId: string): Promise<CourseDetail> {
      const course = await presentOne(await policy.requireMember(courseId, userId));
      if (deps.lessonSummaries) return { ...course, lessons: await deps.lessonSummaries.summaries(courseId) };
      const lessons = await courses.lessons(courseId);
      return { ...course, lessons: lessons.map((l) => ({ ...l, position: Number(l.position), liveStartsAt: null })) };
    },

    async update(
      courseId: string,
      userId: string,
      changes: {
        title?: string | undefined;
        description?: string | undefined;
        archived?: boolean | undefined;
        preworkBudgetMinutes?: number | undefined;
        readinessThresholdPercent?: number | undefined;
      },
    ): Promise<Course> {
      await policy.requireTeacher(courseId, userId);
      await courses.update(courseId, {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.archived !== undefined ? { archived: changes.archived ? 1 : 0 } : {}),
        ...(changes.preworkBudgetMinutes !== undefined ? { prework_budget_minutes: changes.preworkBudgetMinutes } : {}),
        ...(changes.readinessThresholdPercent !== undefined ? { readiness_threshold_percent: changes.readinessThresholdPercent } : {}),
        updated_at: nowIso(),
      });
      return reload(courseId, userId);
    },

    async regenerateJoinCode(courseId: string, userId: string): Promise<Course> {
      await policy.requireTeacher(courseId, userId);
      await courses.update(courseId, { join_code: await uniqueJoinCode(), updated_at: nowIso() });
      return reload(courseId, userId);
    },

    /** Joining twice is harmless; a teacher using their own code stays a teacher. */
    async join(userId: string, code: string): Promise<Course> {
      const course = await courses.findByJoinCode(code);
      if (!course) throw notFound('No course has this join code');
      if (course.archived === 1) throw conflict('course_archived', 'This course is archived and no longer takes new students');
      await courses.addMember(course.id, userId, 'student', nowIso());
      return reload(course.id, userId);
    },

    async roster(courseId: string, userId: string): Promise<Member[]> {
      await policy.requireTeacher(courseId, userId);
      const rows = await courses.roster(courseId);
      return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role, timeZone: r.time_zone, joinedAt: r.joined_at }));
    },

    /** Adds an existing account as co-teacher, promoting them if they were a student. */
    async addTeacher(courseId: string, userId: string, email: string): Promise<Member[]> {
      await policy.requireTeacher(courseId, userId);
      const teacher = await users.findByEmail(email);
      if (!teacher) throw new ApiError(404, 'user_not_found', 'No account uses this email; ask them to sign up first', [{ path: 'body.email', message: 'No account uses this email' }]);
      const membership = await courses.findMembership(courseId, teacher.id);
      if (membership) await courses.setRole(courseId, teacher.id, 'teacher');
      else await courses.addMember(courseId, teacher.id, 'teacher', nowIso());
      if (membership?.role !== 'teacher') {
        await deps.audit?.record({ actorId: userId, action: 'course.teacher_added', targetType: 'user', targetId: teacher.id, courseId, details: { previousRole: membership?.role ?? null } });
      }
      return this.roster(courseId, userId);
    },

    /** Teachers remove anyone but the last teacher; a student may only leave by themselves. */
    async removeMember(courseId: string, actorId: string, memberId: string): Promise<void> {
      const actor = await policy.requireMember(courseId, actorId);
      if (actor.role !== 'teacher' && actorId !== memberId) throw forbidden('Only the course teachers can remove members');
      const membership = await courses.findMembership(courseId, memberId);
      if (!membership) throw notFound('This person is not in the course');
      if (membership.role === 'teacher') {
        const teachers = (await courses.roster(courseId)).filter((m) => m.role === 'teacher');
        if (teachers.length <= 1) throw conflict('last_teacher', 'A course needs at least one teacher');
      }
      await courses.removeMember(courseId, memberId);
      await deps.audit?.record({ actorId, action: 'course.member_removed', targetType: 'user', targetId: memberId, courseId, details: { role: membership.role, left: actorId === memberId } });
    },
  };
}
export type CoursesService = ReturnType<typeof createCoursesService>;
