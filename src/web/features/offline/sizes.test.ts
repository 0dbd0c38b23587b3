import { describe, expect, it } from 'vitest';
import { nextPreworkLesson } from './next-lesson.ts';
import { formatBytes } from './sizes.ts';

describe('formatBytes', () => {
  it('speaks each language', () => {
    expect(formatBytes(4_200_000, 'en')).toBe('4.2 MB');
    expect(formatBytes(4_200_000, 'fr')).toMatch(/^4,2\s?Mo$/);
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(2_000_000_000, 'en')).toBe('2 GB');
  });
});

describe('nextPreworkLesson', () => {
  const item = (lessonId: string, phase: 'pre' | 'post', status: 'not_started' | 'in_progress' | 'done') => ({ lesson: { id: lessonId, title: lessonId, position: 0 }, phase, status });
  it('is the lesson of the first pre-work not done, late first', () => {
    const work = {
      overdue: [item('old', 'post', 'in_progress'), item('late', 'pre', 'not_started')],
      dueSoon: [item('soon', 'pre', 'not_started')],
      later: [],
    };
    // Only the fields it reads: the rest of a work item does not matter here.
    expect(nextPreworkLesson(work as unknown as Parameters<typeof nextPreworkLesson>[0])).toBe('late');
  });
  it('is null when every pre-work is done', () => {
    const work = { overdue: [], dueSoon: [item('a', 'pre', 'done')], later: [item('b', 'post', 'not_started')] };
    expect(nextPreworkLesson(work as unknown as Parameters<typeof nextPreworkLesson>[0])).toBeNull();
  });
});
