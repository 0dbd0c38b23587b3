import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Ok } from '../../../shared/schemas/common.ts';
import {
  CourseDetailEnvelope,
  CourseEnvelope,
  CourseList,
  Roster,
  type AddTeacherBody,
  type Course,
  type CourseDetail,
  type CreateCourseBody,
  type JoinCourseBody,
  type UpdateCourseBody,
} from '../../../shared/schemas/courses.ts';
import { api } from '../../lib/api.ts';

export const courseKeys = {
  list: ['courses', 'list'] as const,
  detail: (courseId: string) => ['courses', 'detail', courseId] as const,
  roster: (courseId: string) => ['courses', 'roster', courseId] as const,
};

const coursePath = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

export function useCourses() {
  return useQuery({ queryKey: courseKeys.list, queryFn: async () => (await api.get('/api/courses', CourseList)).courses });
}

export function useCourse(courseId: string) {
  return useQuery({ queryKey: courseKeys.detail(courseId), queryFn: async () => (await api.get(coursePath(courseId), CourseDetailEnvelope)).course });
}

export function useRoster(courseId: string) {
  return useQuery({ queryKey: courseKeys.roster(courseId), queryFn: async () => (await api.get(`${coursePath(courseId)}/roster`, Roster)).members });
}

/** A changed course updates its page at once (lessons kept) and the list on next view. */
function storeCourse(queryClient: QueryClient, course: Course): void {
  queryClient.setQueryData<CourseDetail>(courseKeys.detail(course.id), (old) => ({ lessons: [], ...old, ...course }));
  void queryClient.invalidateQueries({ queryKey: courseKeys.list });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCourseBody) => (await api.post('/api/courses', CourseEnvelope, body)).course,
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export function useJoinCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: JoinCourseBody) => (await api.post('/api/courses/join', CourseEnvelope, body)).course,
    onSuccess: (course) => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.detail(course.id) });
      void queryClient.invalidateQueries({ queryKey: courseKeys.list });
    },
  });
}

export function useUpdateCourse(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateCourseBody) => (await api.patch(coursePath(courseId), CourseEnvelope, body)).course,
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export function useRegenerateJoinCode(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post(`${coursePath(courseId)}/join-code`, CourseEnvelope)).course,
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export function useAddTeacher(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AddTeacherBody) => (await api.post(`${coursePath(courseId)}/teachers`, Roster, body)).members,
    onSuccess: (members) => {
      queryClient.setQueryData(courseKeys.roster(courseId), members);
      void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
    },
  });
}

export function useRemoveMember(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${coursePath(courseId)}/members/${encodeURIComponent(userId)}`, Ok),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.roster(courseId) });
      void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
      void queryClient.invalidateQueries({ queryKey: courseKeys.list });
    },
  });
}

/** The link a teacher shares; opening it signs the student in if needed, then joins. */
export function joinLink(code: string): string {
  return `${window.location.origin}/join/${code}`;
}

/** "ABCD2345" → "ABCD 2345": two groups of four are easier to read aloud or copy off a board. */
export function groupJoinCode(code: string): [string, string] {
  const half = Math.ceil(code.length / 2);
  return [code.slice(0, half), code.slice(half)];
}
