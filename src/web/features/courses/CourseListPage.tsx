import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Course } from '../../../shared/schemas/courses.ts';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useUser } from '../auth/session.ts';
import { CourseCard } from './CourseCard.tsx';
import { useCourses } from './courses-api.ts';

function CourseSection({ title, courses, note }: { title: string; courses: Course[]; note?: ReactNode }) {
  const id = useId();
  if (courses.length === 0) return null;
  return (
    <section className="course-section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title} <span className="section-count">{courses.length}</span>
      </h2>
      {note ? <p className="section-note">{note}</p> : null}
      <ul className="course-grid">
        {courses.map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </ul>
    </section>
  );
}

export function CourseListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const courses = useCourses();
  const all = courses.data ?? [];
  const active = all.filter((course) => !course.archived);
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  return (
    <div className="container">
      <div className="page-header">
        <div>
          <PageTitle title={t('courses.title')} />
          <p className="page-lede">{t('courses.lede', { name: firstName })}</p>
        </div>
        <div className="page-actions">
          <ButtonLink to="/join" icon="enter">
            {t('courses.joinAction')}
          </ButtonLink>
          <ButtonLink to="/courses/new" variant="primary" icon="plus">
            {t('courses.createAction')}
          </ButtonLink>
        </div>
      </div>

      {courses.isPending ? <Loading /> : null}
      {courses.isError ? <PageError error={courses.error} onRetry={() => void courses.refetch()} /> : null}
      {courses.isSuccess && all.length === 0 ? (
        <div className="card">
          <EmptyState
            icon="book"
            headingLevel={2}
            title={t('courses.empty.title')}
            actions={
              <>
                <ButtonLink to="/join" icon="enter">
                  {t('courses.joinAction')}
                </ButtonLink>
                <ButtonLink to="/courses/new" variant="primary" icon="plus">
                  {t('courses.createAction')}
                </ButtonLink>
              </>
            }
          >
            <p>{t('courses.empty.body')}</p>
          </EmptyState>
        </div>
      ) : null}

      <CourseSection title={t('courses.teaching')} courses={active.filter((course) => course.role === 'teacher')} />
      <CourseSection title={t('courses.learning')} courses={active.filter((course) => course.role === 'student')} />
      <CourseSection title={t('courses.archived')} note={t('courses.archivedNote')} courses={all.filter((course) => course.archived)} />
    </div>
  );
}
