import type { ProgressGrid } from '../../../shared/schemas/progress.ts';
import { ActivityType } from '../../../shared/schemas/activities.ts';
import type { ActivitiesRepository } from '../activities/activities.repository.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import type { CoursesRepository } from '../courses/courses.repository.ts';
import type { LessonsRepository } from '../lessons/lessons.repository.ts';
import type { ResponsesRepository } from '../responses/responses.repository.ts';
import type { TargetsRepository } from '../targets/targets.repository.ts';
import { toCsv } from './csv.ts';

const PHASE_ORDER = { pre: 0, live: 1, post: 2 } as const;

/** Students × activities for teachers: four queries for the whole course. */
export function createProgressService(deps: {
  activities: ActivitiesRepository;
  lessons: LessonsRepository;
  responses: ResponsesRepository;
  courses: CoursesRepository;
  policy: CoursePolicy;
  /** Targeted post-work and catch-up copies count only for the students they are given to. */
  assignments?: Pick<TargetsRepository, 'assignmentsForCourse'>;
}) {
  const { activities, lessons, responses, courses, policy } = deps;

  async function grid(courseId: string, userId: string): Promise<ProgressGrid> {
    await policy.requireTeacher(courseId, userId);
    const [lessonRows, activityRows, roster, cells, assignments] = await Promise.all([
      lessons.listForCourse(courseId),
      activities.listForCourse(courseId),
      courses.roster(courseId),
      responses.gridForCourse(courseId),
      deps.assignments?.assignmentsForCourse(courseId),
    ]);
    const isAssigned = (userId: string, activityId: string) => !assignments?.restricted.has(activityId) || assignments.assigned.has(`${userId} ${activityId}`);
    const lessonIndex = new Map(lessonRows.map((l, i) => [l.id, { i, title: l.title }]));
    const ordered = [...activityRows].sort(
      (a, b) =>
        (lessonIndex.get(a.lesson_id)?.i ?? 0) - (lessonIndex.get(b.lesson_id)?.i ?? 0) ||
        PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
        Number(a.position) - Number(b.position),
    );
    const byKey = new Map(cells.map((c) => [`${c.user_id} ${c.activity_id}`, c]));
    return {
      courseId,
      activities: ordered.map((a) => ({
        id: a.id,
        lessonId: a.lesson_id,
        lessonTitle: lessonIndex.get(a.lesson_id)?.title ?? '',
        phase: a.phase,
        type: ActivityType.parse(a.type),
        title: a.title,
        required: a.required === 1,
        dueAt: a.due_at,
      })),
      students: roster
        .filter((m) => m.role === 'student')
        .map((s) => {
          const row = ordered.map((a) => {
            const cell = byKey.get(`${s.user_id} ${a.id}`);
            return { status: cell?.status ?? 'not_started', score: cell?.score ?? null, maxScore: cell?.max_score ?? null, late: cell?.late === 1, assigned: isAssigned(s.user_id, a.id) };
          });
          const required = ordered.map((a, i) => ({ a, cell: row[i]! })).filter(({ a, cell }) => a.required === 1 && a.phase !== 'live' && cell.assigned);
          return {
            userId: s.user_id,
            name: s.name,
            email: s.email,
            cells: row,
            completed: required.filter(({ cell }) => cell.status === 'done').length,
            required: required.length,
          };
        }),
    };
  }

  return {
    grid,

    /** One row per student; one column per activity: the score (quizzes) or the status, "(late)" when late. */
    async csv(courseId: string, userId: string): Promise<string> {
      const data = await grid(courseId, userId);
      const header = ['Student', 'Email', 'Completed', 'Required', ...data.activities.map((a) => `${a.lessonTitle} / ${a.phase} / ${a.title}`)];
      const lines = data.students.map((s) => [
        s.name,
        s.email,
        s.completed,
        s.required,
        ...s.cells.map((c) => {
          if (!c.assigned) return '';
          const value = c.score !== null && c.maxScore !== null ? `${c.score}/${c.maxScore}` : c.status;
          return c.late ? `${value} (late)` : value;
        }),
      ]);
      return toCsv([header, ...lines]);
    },
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
