import { ActivityType } from '../../../shared/schemas/activities.ts';
import type { MyWork, WorkItem } from '../../../shared/schemas/work.ts';
import type { WorkRepository } from './work.repository.ts';

const DUE_SOON_MS = 48 * 60 * 60 * 1000;

type Tally = { done: number; total: number };
/** An activity's type from its row, checked as the schema would (a stored type the schema does not know is an error). */
const activityTypes = new Set<string>(ActivityType.options);
const activityType = (type: string): ActivityType => (activityTypes.has(type) ? (type as ActivityType) : ActivityType.parse(type));
/** Code-unit order, for normalised ISO instants (the same as their time order). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const progress = (t: Tally) => ({ done: t.done, total: t.total, percent: t.total === 0 ? 0 : Math.round((100 * t.done) / t.total) });

export function createWorkService(deps: { work: WorkRepository }) {
  return {
    /** The student's async work across courses, grouped by urgency (see MyWork in shared/schemas/work.ts). */
    async forUser(userId: string, now = new Date()): Promise<MyWork> {
      const rows = await deps.work.asyncActivitiesForStudent(userId);
      const nowIso = now.toISOString();
      const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
      const courses = new Map<string, { title: string } & Tally>();
      const lessons = new Map<string, { courseId: string; title: string; position: number } & Tally>();
      const result: MyWork = { now: nowIso, overdue: [], dueSoon: [], later: [], done: [], courses: [], lessons: [], remainingMinutes: 0 };

      const nowMs = now.getTime();
      const soonMs = nowMs + DUE_SOON_MS;
      // The due instant of each listed item, parsed once (stored due dates are normalised ISO
      // instants, so their time order is their string order; no due date sorts last).
      const dueOf = new Map<WorkItem, number>();

      for (const row of rows) {
        const status = row.status ?? 'not_started';
        const done = status === 'done';
        if (row.required === 1) {
          let course = courses.get(row.course_id);
          if (!course) courses.set(row.course_id, (course = { title: row.course_title, done: 0, total: 0 }));
          let lesson = lessons.get(row.lesson_id);
          if (!lesson) lessons.set(row.lesson_id, (lesson = { courseId: row.course_id, title: row.lesson_title, position: Number(row.lesson_position), done: 0, total: 0 }));
          course.total += 1;
          lesson.total += 1;
          if (done) {
            course.done += 1;
            lesson.done += 1;
          }
        }
        const notOpenYet = row.opens_at !== null && row.opens_at > nowIso;
        if (notOpenYet || (row.closed === 1 && !done)) continue;
        const dueMs = row.due_at === null ? Infinity : Date.parse(row.due_at);
        const overdue = !done && dueMs < nowMs;
        const item: WorkItem = {
          activity: { id: row.id, title: row.title, type: activityType(row.type), required: row.required === 1 },
          course: { id: row.course_id, title: row.course_title },
          lesson: { id: row.lesson_id, title: row.lesson_title, position: Number(row.lesson_position) },
          phase: row.phase === 'post' ? 'post' : 'pre',
          opensAt: row.opens_at,
          dueAt: row.due_at,
          status,
          estimatedMinutes: row.estimated_minutes === null ? null : Number(row.estimated_minutes),
          late: row.late === 1 || overdue,
          submittedAt: row.submitted_at ?? null,
        };
        dueOf.set(item, dueMs);
        if (done) result.done.push(item);
        else if (overdue) result.overdue.push(item);
        else if (dueMs <= soonMs) result.dueSoon.push(item);
        else result.later.push(item);
        if (!done) result.remainingMinutes += item.estimatedMinutes ?? 0;
      }

      const byDue = (a: WorkItem, b: WorkItem) =>
        dueOf.get(a)! - dueOf.get(b)! ||
        a.course.title.localeCompare(b.course.title) ||
        a.lesson.position - b.lesson.position ||
        (a.phase === b.phase ? 0 : a.phase === 'pre' ? -1 : 1);
      result.overdue.sort(byDue);
      result.dueSoon.sort(byDue);
      result.later.sort(byDue);
      result.done.sort((a, b) => compareText(b.submittedAt ?? '', a.submittedAt ?? ''));
      result.courses = [...courses].map(([courseId, c]) => ({ courseId, title: c.title, progress: progress(c) }));
      result.lessons = [...lessons]
        .sort(([, a], [, b]) => a.courseId.localeCompare(b.courseId) || a.position - b.position)
        .map(([lessonId, l]) => ({ lessonId, courseId: l.courseId, title: l.title, progress: progress(l) }));
      return result;
    },
  };
}
export type WorkService = ReturnType<typeof createWorkService>;
