import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { api } from '../../lib/api.ts';
import { CourseListLight } from '../../lib/light-schemas.ts';

/**
 * Where "/" (and signing in) leads: students — people who take courses and teach none — land
 * on My work; everyone else on the course list. Same cache key as the course list, zod-free.
 */
export function HomeRedirect() {
  const courses = useQuery({ queryKey: ['courses', 'list'], queryFn: async () => (await api.get('/api/courses', CourseListLight)).courses });
  if (courses.isPending) return <Loading />;
  if (courses.isError) return <PageError error={courses.error} onRetry={() => void courses.refetch()} />;
  const active = courses.data.filter((course) => !course.archived);
  const student = active.some((course) => course.role === 'student') && !courses.data.some((course) => course.role === 'teacher');
  return <Navigate to={student ? '/work' : '/courses'} replace />;
}
