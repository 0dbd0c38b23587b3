import type { MyWork } from '../../../shared/schemas/work.ts';

/**
 * The lesson whose pre-work comes next for a student: the first pre-work not done yet, late
 * first, then by due date (My work's own order). It is saved for offline without being asked.
 */
export function nextPreworkLesson(work: Pick<MyWork, 'overdue' | 'dueSoon' | 'later'>): string | null {
  const next = [...work.overdue, ...work.dueSoon, ...work.later].find((item) => item.phase === 'pre' && item.status !== 'done');
  return next?.lesson.id ?? null;
}
