import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Ok } from '../../../shared/schemas/common.ts';
import { LessonSummary } from '../../../shared/schemas/courses.ts';
import { LessonEnvelope, type CreateLessonBody, type Lesson, type ReorderActivitiesBody } from '../../../shared/schemas/lessons.ts';
import { api } from '../../lib/api.ts';
import { courseKeys } from '../courses/courses-api.ts';

export const lessonKeys = {
  all: ['lessons'] as const,
  detail: (lessonId: string) => ['lessons', 'detail', lessonId] as const,
};

export const lessonPath = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}`;
const coursePath = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;
const LessonOrder = z.object({ lessons: z.array(LessonSummary) });

export function useLesson(lessonId: string) {
  return useQuery({
    queryKey: lessonKeys.detail(lessonId),
    queryFn: async () => (await api.get(lessonPath(lessonId), LessonEnvelope)).lesson,
    enabled: lessonId !== '',
  });
}

/** A lesson changed: its page updates at once, its course's list and My work on next view. */
export function storeLesson(queryClient: QueryClient, lesson: Lesson): void {
  queryClient.setQueryData(lessonKeys.detail(lesson.id), lesson);
  void queryClient.invalidateQueries({ queryKey: courseKeys.detail(lesson.courseId) });
  void queryClient.invalidateQueries({ queryKey: ['work'] });
}

export function useCreateLesson(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateLessonBody) => (await api.post(`${coursePath(courseId)}/lessons`, LessonEnvelope, body)).lesson,
    onSuccess: (lesson) => storeLesson(queryClient, lesson),
  });
}

/** Imports a Markdown note (e.g. from Obsidian) as a new lesson. */
export function useImportNote(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const path = `${coursePath(courseId)}/import?name=${encodeURIComponent(file.name)}`;
      return (await api.postRaw(path, LessonEnvelope, file, 'text/markdown')).lesson;
    },
    onSuccess: (lesson) => storeLesson(queryClient, lesson),
  });
}

export function useReorderLessons(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (lessonIds: string[]) => (await api.put(`${coursePath(courseId)}/lessons/order`, LessonOrder, { lessonIds })).lessons,
    onMutate: (lessonIds) => {
      // Move the rows at once; the server's answer (or a refetch after a failure) settles it.
      queryClient.setQueryData(courseKeys.detail(courseId), (old: { lessons: z.infer<typeof LessonSummary>[] } | undefined) => {
        if (!old) return old;
        const byId = new Map(old.lessons.map((lesson) => [lesson.id, lesson]));
        const lessons = lessonIds.flatMap((id, position) => {
          const lesson = byId.get(id);
          return lesson ? [{ ...lesson, position }] : [];
        });
        return { ...old, lessons };
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) }),
  });
}

export function useRenameLesson(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (title: string) => (await api.patch(lessonPath(lessonId), LessonEnvelope, { title })).lesson,
    onSuccess: (lesson) => storeLesson(queryClient, lesson),
  });
}

export function useDeleteLesson(lessonId: string, courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(lessonPath(lessonId), Ok),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: lessonKeys.detail(lessonId) });
      void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export function useReorderActivities(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (layout: ReorderActivitiesBody) => (await api.put(`${lessonPath(lessonId)}/activities/order`, LessonEnvelope, layout)).lesson,
    onSuccess: (lesson) => storeLesson(queryClient, lesson),
  });
}
