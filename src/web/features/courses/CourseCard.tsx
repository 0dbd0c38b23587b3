import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Course } from '../../../shared/schemas/courses.ts';
import { Badge } from '../../components/Badge.tsx';
import { Icon } from '../../components/Icon.tsx';

/** One course in the list. The title is the link; the whole card is clickable through it. */
export function CourseCard({ course }: { course: Course }) {
  const { t } = useTranslation();
  const teachers = course.teacherNames.join(', ');
  return (
    <li className={course.archived ? 'course-card course-card-archived' : 'course-card'}>
      <div className="course-card-top">
        <Badge tone={course.role === 'teacher' ? 'primary' : 'success'}>{t(`roles.${course.role}`)}</Badge>
        {course.archived ? <Badge>{t('courses.archivedBadge')}</Badge> : null}
      </div>
      <h3 className="course-card-title">
        <Link to={`/courses/${course.id}`} className="stretched-link">
          {course.title}
        </Link>
      </h3>
      {course.description ? <p className="course-card-description">{course.description}</p> : null}
      <div className="course-card-meta">
        <span>
          <Icon name="users" size={16} />
          {t('courses.studentCount', { count: course.studentCount })}
        </span>
        {teachers ? <span className="course-card-teachers">{t('courses.taughtBy', { names: teachers })}</span> : null}
      </div>
    </li>
  );
}
