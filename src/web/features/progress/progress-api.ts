import { useQuery } from '@tanstack/react-query';
import { ProgressGrid } from '../../../shared/schemas/progress.ts';
import { api } from '../../lib/api.ts';

export const progressCsvPath = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/progress.csv`;

export function useProgressGrid(courseId: string) {
  return useQuery({ queryKey: ['progress', courseId], queryFn: () => api.get(`/api/courses/${encodeURIComponent(courseId)}/progress`, ProgressGrid) });
}
