import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AcceptSuggestionResult, NudgeResult, PlannedGroupsEnvelope, Readiness, type PlanGroupsBody } from '../../../shared/schemas/readiness.ts';
import { api } from '../../lib/api.ts';

const path = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}`;
export const readinessKey = (lessonId: string) => ['readiness', lessonId] as const;

/** The readiness answer; refreshed every minute so the count-down and statuses stay current. */
export function useReadiness(lessonId: string) {
  return useQuery({ queryKey: readinessKey(lessonId), queryFn: () => api.get(`${path(lessonId)}/readiness`, Readiness), refetchInterval: 60_000 });
}

function useRefresh(lessonId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: readinessKey(lessonId) });
    // The live room reads the planned groups and the run-sheet too.
    void queryClient.invalidateQueries({ queryKey: ['live'] });
    void queryClient.invalidateQueries({ queryKey: ['lessons'] });
  };
}

export function usePlanGroups(lessonId: string) {
  const refresh = useRefresh(lessonId);
  return useMutation({ mutationFn: (body: PlanGroupsBody) => api.post(`${path(lessonId)}/readiness/groups`, PlannedGroupsEnvelope, body), onSuccess: refresh });
}

export function useNudge(lessonId: string) {
  const refresh = useRefresh(lessonId);
  return useMutation({ mutationFn: () => api.post(`${path(lessonId)}/nudge`, NudgeResult), onSuccess: refresh });
}

export function useAcceptSuggestion(lessonId: string) {
  const refresh = useRefresh(lessonId);
  return useMutation({ mutationFn: () => api.post(`${path(lessonId)}/readiness/accept-suggestion`, AcceptSuggestionResult), onSuccess: refresh });
}
