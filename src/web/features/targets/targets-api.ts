import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Ok } from '../../../shared/schemas/common.ts';
import { TargetingEnvelope, type TargetBody, type Targeting } from '../../../shared/schemas/targets.ts';
import { api } from '../../lib/api.ts';

export const targetingKey = (activityId: string) => ['targets', activityId] as const;
const path = (activityId: string) => `/api/activities/${encodeURIComponent(activityId)}/targets`;

/** Teacher: who a post-work activity is given to (null: every student). */
export function useTargeting(activityId: string) {
  return useQuery({ queryKey: targetingKey(activityId), queryFn: async () => (await api.get(path(activityId), TargetingEnvelope)).targeting });
}

function useStore(activityId: string) {
  const queryClient = useQueryClient();
  return (targeting: Targeting | null) => {
    queryClient.setQueryData(targetingKey(activityId), targeting);
    // The lesson report counts assigned post-work; progress shows who has it.
    void queryClient.invalidateQueries({ queryKey: ['lessons', 'report'] });
    void queryClient.invalidateQueries({ queryKey: ['progress'] });
  };
}

export function useSetTargeting(activityId: string) {
  const store = useStore(activityId);
  return useMutation({ mutationFn: async (body: TargetBody) => (await api.post(path(activityId), TargetingEnvelope, body)).targeting, onSuccess: store });
}

export function useClearTargeting(activityId: string) {
  const store = useStore(activityId);
  return useMutation({ mutationFn: () => api.delete(path(activityId), Ok), onSuccess: () => store(null) });
}
