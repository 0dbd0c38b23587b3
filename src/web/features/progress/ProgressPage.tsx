import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProgressGrid } from '../../../shared/schemas/progress.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { buttonClass } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isApiError } from '../../lib/api.ts';
import { ActivityIcon } from '../activities/ActivityIcon.tsx';
import { CourseNotFound } from '../courses/CourseNotFound.tsx';
import { useCourse } from '../courses/courses-api.ts';
import { progressCsvPath, useProgressGrid } from './progress-api.ts';
import '../../styles/learning-base.css';
import '../../styles/lessons.css';

type Cell = ProgressGrid['students'][number]['cells'][number];

/** A cell in words and a symbol, so status never rests on colour alone. */
function StatusCell({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation();
  if (!cell || !cell.assigned) return <td className="grid-cell grid-na">{t('progress.notAssigned')}</td>;
  const symbol = cell.status === 'done' ? '✓' : cell.status === 'in_progress' ? '◐' : '–';
  return (
    <td className={`grid-cell grid-${cell.status}${cell.late ? ' grid-late' : ''}`}>
      <span aria-hidden="true" className="grid-symbol">
        {symbol}
      </span>{' '}
      <span className="grid-text">{t(`learning.status.${cell.status}`)}</span>
      {cell.score !== null && cell.maxScore !== null ? <span className="grid-score"> {t('activity.responses.score', { score: cell.score, max: cell.maxScore })}</span> : null}
      {cell.late ? <span className="grid-late-mark"> {t('learning.status.late')}</span> : null}
    </td>
  );
}

/** For teachers: every student against every activity of the course, and the same as CSV. */
export function ProgressPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const grid = useProgressGrid(courseId);
  const captionId = useId();

  if (grid.isPending) return <Loading />;
  if (grid.isError) {
    if (isApiError(grid.error) && grid.error.status === 404) return <CourseNotFound />;
    return <PageError error={grid.error} onRetry={() => void grid.refetch()} />;
  }
  const { activities, students } = grid.data;
  const title = course.data?.title ?? '';

  return (
    <div className="container progress-page">
      <BackLink to={`/courses/${encodeURIComponent(courseId)}`}>{title || t('lesson.backToCourse')}</BackLink>
      <div className="page-header">
        <div>
          <PageTitle title={t('progress.title')} />
          <p className="page-lede">{t('progress.lede', { title })}</p>
        </div>
        <div className="page-actions">
          <a className={buttonClass({ variant: 'secondary' })} href={progressCsvPath(courseId)} download>
            <Icon name="arrowRight" size={18} className="icon-down" />
            <span>{t('progress.csv')}</span>
          </a>
        </div>
      </div>
      {students.length === 0 || activities.length === 0 ? (
        <div className="card">
          <EmptyState icon="users" headingLevel={2} title={students.length === 0 ? t('progress.noStudents') : t('progress.noActivities')}>
            <p>{students.length === 0 ? t('progress.noStudentsBody') : t('progress.noActivitiesBody')}</p>
          </EmptyState>
        </div>
      ) : (
        <div className="grid-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="progress-grid">
            <caption id={captionId} className="visually-hidden">
              {t('progress.caption', { title })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="grid-corner">
                  {t('progress.student')}
                </th>
                {activities.map((activity) => (
                  <th key={activity.id} scope="col" className="grid-head">
                    <Link to={`/activities/${encodeURIComponent(activity.id)}`} className="grid-head-title">
                      <ActivityIcon type={activity.type} size={16} /> {activity.title}
                    </Link>
                    <span className="grid-head-sub">
                      {activity.lessonTitle} · {t(`phases.${activity.phase}`)}
                      {activity.required ? '' : ` · ${t('learning.meta.optional')}`}
                    </span>
                  </th>
                ))}
                <th scope="col" className="grid-head">
                  {t('progress.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {students.map((student) => (
                <tr key={student.userId}>
                  <th scope="row" className="grid-student">
                    <span className="grid-student-name">{student.name}</span>
                    <span className="grid-student-email">{student.email}</span>
                  </th>
                  {activities.map((activity, index) => (
                    <StatusCell key={activity.id} cell={student.cells[index]} />
                  ))}
                  <td className="grid-cell grid-total">{t('learning.progress', { done: student.completed, total: student.required })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
