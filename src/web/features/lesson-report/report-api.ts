import { useQuery } from '@tanstack/react-query';
import { LessonReport } from '../../../shared/schemas/lesson-report.ts';
import { api } from '../../lib/api.ts';

export const reportKey = (lessonId: string) => ['lessons', 'report', lessonId] as const;
const path = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}/report`;

/** The teacher's after-class report: pre-work, attendance, live participation and post-work per student. */
export function useLessonReport(lessonId: string) {
  return useQuery({ queryKey: reportKey(lessonId), queryFn: () => api.get(path(lessonId), LessonReport), enabled: lessonId !== '' });
}

/** The CSV of the same report, in the teacher's language (a plain link: the browser downloads it). */
export const reportCsvHref = (lessonId: string) => `${path(lessonId)}.csv`;

export const reportPagePath = (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}/report`;
