import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Guidance, GuidanceFixResult, type GuidanceFixBody } from '../../../shared/schemas/guidance.ts';
import { api } from '../../lib/api.ts';
import { lessonKeys, lessonPath } from '../lessons/lessons-api.ts';

export const guidanceKey = (lessonId: string) => ['guidance', lessonId] as const;

/**
 * The lesson's design guidance (teachers only). Keyed apart from the lesson, so the lesson
 * page's own edits (add, move, delete an activity) refresh it through `lessons` invalidation below.
 */
export function useGuidance(lessonId: string, lessonVersion: string) {
  return useQuery({
    queryKey: [...guidanceKey(lessonId), lessonVersion],
    queryFn: () => api.get(`${lessonPath(lessonId)}/guidance`, Guidance),
    // While a changed lesson is re-checked, keep showing its last guidance (never another lesson's).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === lessonId ? previous : undefined),
  });
}

/** One-click fix: the answer carries the new guidance; the lesson (and its course list) reload. */
export function useFixFlag(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuidanceFixBody) => api.post(`${lessonPath(lessonId)}/guidance/fix`, GuidanceFixResult, body),
    // The answer is the guidance after the fix: show it at once, before the lesson reloads.
    onSuccess: (result) => queryClient.setQueriesData({ queryKey: guidanceKey(lessonId) }, result.guidance),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: lessonKeys.detail(lessonId) });
      void queryClient.invalidateQueries({ queryKey: guidanceKey(lessonId) });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}
