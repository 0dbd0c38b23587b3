import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { LiveWindowEnvelope, MyWorkLight } from '../../lib/light-schemas.ts';

// zod-free on purpose: My work is a student's first page and has a 150 KB budget (e2e/budget.spec.ts).
export const workKeys = {
  mine: ['work', 'mine'] as const,
  live: (lessonId: string) => ['work', 'live', lessonId] as const,
};

export function useMyWork() {
  return useQuery({ queryKey: workKeys.mine, queryFn: () => api.get('/api/me/work', MyWorkLight), refetchOnWindowFocus: true });
}

/**
 * When each lesson's live room opens and closes (null: no session). My work has no live times
 * of its own, so each lesson is asked once (GET /api/lessons/:id/live; 404 means none).
 */
export function useLiveWindows(lessonIds: string[]) {
  return useQueries({
    queries: lessonIds.map((lessonId) => ({
      queryKey: workKeys.live(lessonId),
      queryFn: async () => (await api.getOrNull(`/api/lessons/${encodeURIComponent(lessonId)}/live`, LiveWindowEnvelope, 404))?.live ?? null,
      staleTime: 5 * 60_000,
    })),
    combine: (results) => new Map(lessonIds.map((lessonId, index) => [lessonId, results[index]?.data ?? null])),
  });
}
