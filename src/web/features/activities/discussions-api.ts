import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Ok } from '../../../shared/schemas/common.ts';
import { PostEnvelope, PostTree, type CreatePostBody } from '../../../shared/schemas/discussions.ts';
import { api } from '../../lib/api.ts';
import { activityKeys, activityPath } from './activities-api.ts';

const postsKey = (activityId: string) => ['activities', 'posts', activityId] as const;
const postPath = (postId: string) => `/api/posts/${encodeURIComponent(postId)}`;

export function usePosts(activityId: string) {
  return useQuery({ queryKey: postsKey(activityId), queryFn: async () => (await api.get(`${activityPath(activityId)}/posts`, PostTree)).posts });
}

/** Every change reloads the thread: replies nest and moderation changes what others see. */
function useThreadMutation<A>(activityId: string, run: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: postsKey(activityId) });
      void queryClient.invalidateQueries({ queryKey: activityKeys.detail(activityId) });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export function useCreatePost(activityId: string) {
  return useThreadMutation(activityId, (body: CreatePostBody) => api.post(`${activityPath(activityId)}/posts`, PostEnvelope, body));
}

export function useEditPost(activityId: string) {
  return useThreadMutation(activityId, ({ postId, body }: { postId: string; body: string }) => api.patch(postPath(postId), PostEnvelope, { body }));
}

export function useDeletePost(activityId: string) {
  return useThreadMutation(activityId, (postId: string) => api.delete(postPath(postId), Ok));
}

export function useHidePost(activityId: string) {
  return useThreadMutation(activityId, ({ postId, hidden }: { postId: string; hidden: boolean }) => api.post(`${postPath(postId)}/hide`, PostEnvelope, { hidden }));
}
