import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ActivityEnvelope,
  ResponseEnvelope,
  StaleResponseError,
  StudentResponse,
  StudentResponseList,
  SubmitResult,
  type Activity,
  type ActivityResponse,
  type CreateActivityBody,
  type FeedbackBody,
  type UpdateActivityBody,
} from '../../../shared/schemas/activities.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { api, isApiError } from '../../lib/api.ts';
import { offlineApi } from '../offline/offline-api.ts';
import { lessonKeys } from '../lessons/lessons-api.ts';

export const activityKeys = {
  detail: (activityId: string) => ['activities', 'detail', activityId] as const,
  responses: (activityId: string) => ['activities', 'responses', activityId] as const,
};

export const activityPath = (activityId: string) => `/api/activities/${encodeURIComponent(activityId)}`;

export function useActivity(activityId: string) {
  return useQuery({ queryKey: activityKeys.detail(activityId), queryFn: async () => (await api.get(activityPath(activityId), ActivityEnvelope)).activity });
}

/** An activity changed: its page now, its lesson, My work and progress on next view. */
function storeActivity(queryClient: QueryClient, activity: Activity): void {
  queryClient.setQueryData(activityKeys.detail(activity.id), activity);
  void queryClient.invalidateQueries({ queryKey: lessonKeys.detail(activity.lessonId) });
  void queryClient.invalidateQueries({ queryKey: ['work'] });
  void queryClient.invalidateQueries({ queryKey: ['progress'] });
}

export function useCreateActivity(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateActivityBody) => (await api.post(`/api/lessons/${encodeURIComponent(lessonId)}/activities`, ActivityEnvelope, body)).activity,
    onSuccess: (activity) => storeActivity(queryClient, activity),
  });
}

export function useUpdateActivity(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateActivityBody) => (await api.patch(activityPath(activityId), ActivityEnvelope, body)).activity,
    onSuccess: (activity) => storeActivity(queryClient, activity),
  });
}

export function useDeleteActivity(activity: Pick<Activity, 'id' | 'lessonId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(activityPath(activity.id), Ok),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: activityKeys.detail(activity.id) });
      void queryClient.invalidateQueries({ queryKey: lessonKeys.detail(activity.lessonId) });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

// ---------- A student's own response ----------

/** Autosave; throws StaleResponse when the server copy moved on since `baseRevision`. */
export async function saveResponse(activityId: string, body: Record<string, unknown>, baseRevision: number | undefined): Promise<ActivityResponse> {
  try {
    // Through the offline queue (features/offline): kept on the device and sent in order when offline.
    return (await offlineApi.save(activityId, `${activityPath(activityId)}/response`, ResponseEnvelope, baseRevision === undefined ? body : { ...body, baseRevision })).response;
  } catch (error) {
    throw asStale(error) ?? error;
  }
}

export async function submitResponse(activityId: string, body: Record<string, unknown>, submissionId: string) {
  return offlineApi.submit(activityId, `${activityPath(activityId)}/submit`, SubmitResult, { ...body, submissionId });
}

/** A 409 stale_response carrying the server's copy, so the student can compare and choose. */
export class StaleResponse extends Error {
  readonly current: ActivityResponse;
  constructor(current: ActivityResponse) {
    super('stale_response');
    this.current = current;
  }
}

function asStale(error: unknown): StaleResponse | null {
  if (!isApiError(error) || error.code !== 'stale_response') return null;
  const parsed = StaleResponseError.safeParse(error.body);
  return parsed.success ? new StaleResponse(parsed.data.current) : null;
}

/** Keeps the cached activity's myResponse in step with what the server last said. */
export function storeMyResponse(queryClient: QueryClient, response: ActivityResponse): void {
  queryClient.setQueryData<Activity>(activityKeys.detail(response.activityId), (old) => (old ? { ...old, myResponse: response } : old));
}

// ---------- Teacher: responses and feedback ----------

export function useStudentResponses(activityId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.responses(activityId),
    queryFn: async () => (await api.get(`${activityPath(activityId)}/responses`, StudentResponseList)).responses,
    enabled,
  });
}

type FeedbackInput = z.input<typeof FeedbackBody>;

export function useGiveFeedback(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ responseId, ...body }: { responseId: string } & FeedbackInput) =>
      (await api.put(`/api/responses/${encodeURIComponent(responseId)}/feedback`, z.object({ response: StudentResponse }), body)).response,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.responses(activityId) }),
  });
}
