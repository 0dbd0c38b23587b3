import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../account/use-format.ts';
import { CourseNotFound } from './CourseNotFound.tsx';
import { CourseSettingsCard } from './CourseSettingsCard.tsx';
import { InviteCard } from './InviteCard.tsx';
import { LessonList } from './LessonList.tsx';
import { useCourse } from './courses-api.ts';

export function CoursePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const query = useCourse(courseId);
  const format = useFormat();

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <CourseNotFound />;
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const course = query.data;
  const isTeacher = course.role === 'teacher';

  return (
    <div className="container">
      <BackLink to="/courses">{t('course.backToCourses')}</BackLink>
      <div className="course-hero">
        <div className="course-hero-main">
          <div className="badge-row">
            <Badge tone={isTeacher ? 'primary' : 'success'}>{t(`roles.${course.role}`)}</Badge>
            {course.archived ? <Badge>{t('courses.archivedBadge')}</Badge> : null}
          </div>
          <PageTitle title={course.title} />
          {course.description ? <p className="course-description">{course.description}</p> : null}
          <ul className="course-meta">
            {course.teacherNames.length > 0 ? (
              <li>{t('courses.taughtBy', { names: course.teacherNames.join(', ') })}</li>
            ) : null}
            <li>{t('courses.studentCount', { count: course.studentCount })}</li>
            <li>{t('course.createdOn', { date: format.date(course.createdAt) })}</li>
          </ul>
        </div>
        {isTeacher ? (
          <div className="course-hero-actions">
            <ButtonLink to={`/courses/${course.id}/roster`} icon="users">
              {t('course.roster')}
            </ButtonLink>
            <ButtonLink to={`/courses/${course.id}/progress`} icon="check">
              {t('progress.action')}
            </ButtonLink>
          </div>
        ) : null}
      </div>

      {course.archived ? <Alert tone="info">{isTeacher ? t('course.archivedTeacher') : t('course.archivedStudent')}</Alert> : null}

      <div className={isTeacher ? 'course-layout course-layout-teacher' : 'course-layout'}>
        {isTeacher ? <InviteCard course={course} /> : null}
        <LessonList course={course} />
        {isTeacher ? <CourseSettingsCard course={course} /> : null}
      </div>
    </div>
  );
}
