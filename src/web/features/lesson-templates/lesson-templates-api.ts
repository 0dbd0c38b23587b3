import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LessonTemplateList, type FromTemplateBody } from '../../../shared/schemas/lesson-templates.ts';
import { LessonEnvelope } from '../../../shared/schemas/lessons.ts';
import { api } from '../../lib/api.ts';
import { storeLesson } from '../lessons/lessons-api.ts';

/** The ready lesson structures, in the UI language (they change with it, not with time). */
export function useLessonTemplates(locale: 'en' | 'fr') {
  return useQuery({
    queryKey: ['lesson-templates', locale],
    queryFn: async () => (await api.get(`/api/lesson-templates?locale=${locale}`, LessonTemplateList)).templates,
    staleTime: Infinity,
  });
}

export function useCreateFromTemplate(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: FromTemplateBody) => (await api.post(`/api/courses/${encodeURIComponent(courseId)}/lessons/from-template`, LessonEnvelope, body)).lesson,
    onSuccess: (lesson) => storeLesson(queryClient, lesson),
  });
}
