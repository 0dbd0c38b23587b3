import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CalendarUrl,
  LiveAttendance,
  LiveEnvelope,
  LiveSeriesResult,
  LiveSummaryEnvelope,
  LiveZones,
  type LiveSeriesBody,
  type LiveSession,
  type UpsertLiveBody,
} from '../../../shared/schemas/live.ts';
import { LessonEnvelope } from '../../../shared/schemas/lessons.ts';
import { api } from '../../lib/api.ts';
import { livePath, liveSessionKey } from './live-keys.ts';

export const liveKeys = {
  session: liveSessionKey,
  zones: (lessonId: string) => ['live', 'zones', lessonId] as const,
  attendance: (lessonId: string) => ['live', 'attendance', lessonId] as const,
  summary: (lessonId: string) => ['live', 'summary', lessonId] as const,
  calendar: ['live', 'calendar'] as const,
};


/** The lesson's session; null when none is scheduled (404). */
export function useLiveSession(lessonId: string, initial?: LiveSession | null) {
  return useQuery({
    queryKey: liveKeys.session(lessonId),
    queryFn: async () => (await api.getOrNull(livePath(lessonId), LiveEnvelope, 404))?.live ?? null,
    initialData: initial ?? undefined,
    // The lesson page hands over what it has; refresh it soon anyway (roomOpensAt, embedUrl…).
    initialDataUpdatedAt: initial ? 0 : undefined,
  });
}

function useStoreSession(lessonId: string) {
  const queryClient = useQueryClient();
  return (live: LiveSession) => {
    queryClient.setQueryData(liveKeys.session(lessonId), live);
    void queryClient.invalidateQueries({ queryKey: ['live', 'window', lessonId] });
    void queryClient.invalidateQueries({ queryKey: liveKeys.zones(lessonId) });
    // Lesson pages and My work show the time too.
    void queryClient.invalidateQueries({ queryKey: ['lessons'] });
    void queryClient.invalidateQueries({ queryKey: ['work'] });
  };
}

export function useScheduleLive(lessonId: string) {
  const store = useStoreSession(lessonId);
  return useMutation({
    mutationFn: async (body: UpsertLiveBody) => (await api.put(livePath(lessonId), LiveEnvelope, body)).live,
    onSuccess: store,
  });
}

export function useCancelLive(lessonId: string) {
  const store = useStoreSession(lessonId);
  return useMutation({
    mutationFn: async () => (await api.post(`${livePath(lessonId)}/cancel`, LiveEnvelope)).live,
    onSuccess: store,
  });
}

/** Weekly sessions for this lesson and the next ones of the course (lessonIds in order). */
export function useScheduleSeries(courseId: string, lessonId: string) {
  const store = useStoreSession(lessonId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LiveSeriesBody) => api.post(`/api/courses/${encodeURIComponent(courseId)}/live-series`, LiveSeriesResult, body),
    onSuccess: (result) => {
      for (const session of result.sessions) queryClient.setQueryData(liveKeys.session(session.lessonId), session);
      const mine = result.sessions.find((session) => session.lessonId === lessonId);
      if (mine) store(mine);
      void queryClient.invalidateQueries({ queryKey: ['courses', 'detail', courseId] });
    },
  });
}

export function useLiveZones(lessonId: string, enabled: boolean) {
  return useQuery({ queryKey: liveKeys.zones(lessonId), queryFn: () => api.get(`${livePath(lessonId)}/zones`, LiveZones), enabled });
}

export function useLiveAttendance(lessonId: string, enabled = true) {
  return useQuery({
    queryKey: liveKeys.attendance(lessonId),
    queryFn: async () => (await api.get(`${livePath(lessonId)}/attendance`, LiveAttendance)).attendance,
    enabled,
  });
}

/**
 * The end-of-session summary; null while it is not written yet (404: the session has not ended,
 * or the job writing it has not run). Polls briefly after the end so the page fills in by itself.
 */
export function useLiveSummary(lessonId: string, enabled = true) {
  return useQuery({
    queryKey: liveKeys.summary(lessonId),
    queryFn: async () => (await api.getOrNull(`${livePath(lessonId)}/summary`, LiveSummaryEnvelope, 404))?.summary ?? null,
    enabled,
    refetchInterval: (query) => (query.state.data === null ? 3000 : false),
  });
}

export function useCalendarUrl() {
  return useQuery({ queryKey: liveKeys.calendar, queryFn: async () => (await api.get('/api/me/calendar', CalendarUrl)).url });
}

export function useResetCalendarUrl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post('/api/me/calendar/reset', CalendarUrl)).url,
    onSuccess: (url) => queryClient.setQueryData(liveKeys.calendar, url),
  });
}

/** The lesson's title and course, for the page heading and the way back. */
export function useLessonHeading(lessonId: string) {
  return useQuery({
    queryKey: ['live', 'lesson', lessonId],
    queryFn: async () => {
      const { lesson } = await api.get(`/api/lessons/${encodeURIComponent(lessonId)}`, LessonEnvelope);
      return { title: lesson.title, courseId: lesson.courseId, role: lesson.role, post: lesson.post };
    },
    staleTime: 10_000,
  });
}
