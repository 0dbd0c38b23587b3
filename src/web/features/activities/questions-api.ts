import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Ok } from '../../../shared/schemas/common.ts';
import { QuestionEnvelope, QuestionList, VoteResult, type Question } from '../../../shared/schemas/questions.ts';
import { api } from '../../lib/api.ts';
import { activityKeys, activityPath } from './activities-api.ts';

const questionsKey = (activityId: string) => ['activities', 'questions', activityId] as const;
const questionPath = (questionId: string) => `/api/questions/${encodeURIComponent(questionId)}`;

/** Most votes first, then oldest, as the server sorts them; kept that way after local changes. */
function sorted(questions: Question[]): Question[] {
  return [...questions].sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
}

export function useQuestions(activityId: string) {
  return useQuery({ queryKey: questionsKey(activityId), queryFn: async () => (await api.get(`${activityPath(activityId)}/questions`, QuestionList)).questions });
}

export function useAskQuestion(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) => (await api.post(`${activityPath(activityId)}/questions`, QuestionEnvelope, { text })).question,
    onSuccess: (question) => {
      queryClient.setQueryData<Question[]>(questionsKey(activityId), (old) => sorted([...(old ?? []), question]));
      // Asking completes the box for a student.
      void queryClient.invalidateQueries({ queryKey: activityKeys.detail(activityId) });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export function useVote(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (questionId: string) => (await api.post(`${questionPath(questionId)}/vote`, VoteResult)).question,
    onSuccess: (question) => queryClient.setQueryData<Question[]>(questionsKey(activityId), (old) => sorted((old ?? []).map((q) => (q.id === question.id ? question : q)))),
  });
}

export function useDeleteQuestion(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (questionId: string) => api.delete(questionPath(questionId), Ok),
    onSuccess: (_ok, questionId) => queryClient.setQueryData<Question[]>(questionsKey(activityId), (old) => (old ?? []).filter((q) => q.id !== questionId)),
  });
}
