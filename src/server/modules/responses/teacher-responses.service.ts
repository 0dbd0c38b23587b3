import type { StudentResponse } from '../../../shared/schemas/activities.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { nowIso } from '../../lib/ids.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { ActivityAccessPolicy } from '../activities/activity-access.ts';
import type { AuditRecorder } from '../audit/audit.service.ts';
import { typedActivity } from '../activities/activity-content.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CoursesRepository } from '../courses/courses.repository.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import type { ResponseRow, ResponsesRepository } from './responses.repository.ts';

type Student = { user_id: string; name: string; email: string };

function present(student: Student, row: ResponseRow | undefined): StudentResponse {
  return {
    responseId: row?.id ?? null,
    userId: student.user_id,
    name: student.name,
    email: student.email,
    status: row?.status ?? 'not_started',
    score: row?.score ?? null,
    maxScore: row?.max_score ?? null,
    attempts: row ? Number(row.attempts) : 0,
    late: row?.late === 1,
    submittedAt: row?.submitted_at ?? null,
    body: row ? (JSON.parse(row.body) as Record<string, unknown>) : null,
    feedback: row?.feedback ?? null,
    feedbackAt: row?.feedback_at ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** The teacher's side of responses: everyone's work on an activity, and feedback on it. */
export function createTeacherResponsesService(deps: {
  responses: ResponsesRepository;
  activities: ActivitiesRepository;
  courses: CoursesRepository;
  users: UsersRepository;
  policy: CoursePolicy;
  access: ActivityAccessPolicy;
  notifications: NotificationsService;
  /** Feedback written and scores changed go to the audit log. */
  audit?: AuditRecorder | undefined;
}) {
  const { responses, activities, courses, users, policy, access, notifications } = deps;

  return {
    /** Every student of the course, including those who have not started. */
    async list(activityId: string, userId: string): Promise<StudentResponse[]> {
      const { activity } = await access.forTeacher(activityId, userId);
      const [roster, rows] = await Promise.all([courses.roster(activity.course_id), responses.listForActivity(activityId)]);
      const byUser = new Map(rows.map((r) => [r.user_id, r]));
      // An anonymous poll shows who answered, never what they chose.
      const typed = typedActivity(activity);
      const anonymous = typed.type === 'poll' && typed.content.anonymous;
      return roster
        .filter((m) => m.role === 'student')
        .map((s) => present(s, byUser.get(s.user_id)))
        .map((r) => (anonymous ? { ...r, body: null } : r));
    },

    async giveFeedback(responseId: string, teacherId: string, text: string, grade: { score?: number | undefined; maxScore?: number | undefined } = {}): Promise<StudentResponse> {
      const row = await responses.findById(responseId);
      if (!row) throw notFound('Response not found');
      const course = await policy.requireMember(row.course_id, teacherId);
      if (course.role !== 'teacher') throw forbidden('Only the course teachers can give feedback');
      const activity = await activities.findById(row.activity_id);
      const [student, teacher] = await Promise.all([users.findById(row.user_id), users.findById(teacherId)]);
      if (!activity || !student || !teacher) throw notFound('Response not found');
      const outOf = grade.maxScore ?? (row.max_score === null ? undefined : Number(row.max_score));
      if (grade.score !== undefined) {
        if (outOf === undefined) throw badRequest('max_score_required', 'Say what the score is out of (maxScore)', 'body.maxScore');
        if (grade.score > outOf) throw badRequest('score_too_high', `The score cannot be above ${outOf}`, 'body.score');
      }
      const at = nowIso();
      await responses.setFeedback(responseId, text, teacherId, at);
      const audit = { actorId: teacherId, targetType: 'response' as const, targetId: responseId, courseId: course.id };
      await deps.audit?.record({ ...audit, action: 'response.feedback', details: { studentId: row.user_id, activityId: activity.id, replaced: row.feedback !== null } });
      const before = row.score === null ? null : Number(row.score);
      const beforeMax = row.max_score === null ? null : Number(row.max_score);
      if (grade.score !== undefined && outOf !== undefined && (grade.score !== before || outOf !== beforeMax)) {
        await responses.setScore(responseId, grade.score, outOf, at);
        await deps.audit?.record({ ...audit, action: 'response.score', details: { studentId: row.user_id, activityId: activity.id, from: before, to: grade.score, fromMax: beforeMax, maxScore: outOf } });
      }
      await notifications.feedbackGiven(
        student,
        { activityId: activity.id, activityTitle: activity.title, lessonId: activity.lesson_id, courseId: course.id, courseTitle: course.title, teacherName: teacher.name },
        text,
      );
      return present({ user_id: student.id, name: student.name, email: student.email }, await responses.findById(responseId));
    },
  };
}
export type TeacherResponsesService = ReturnType<typeof createTeacherResponsesService>;
