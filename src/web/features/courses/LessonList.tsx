import { useTranslation } from 'react-i18next';
import type { CourseDetail } from '../../../shared/schemas/courses.ts';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useFormat } from '../account/use-format.ts';

/** The three phases every lesson will have, shown while there are no lessons to explain what is coming. */
function LoopArt() {
  const { t } = useTranslation();
  return (
    <ol className="loop loop-compact" aria-label={t('lessons.loopLabel')}>
      <li className="loop-step loop-pre">
        <span className="loop-name">{t('phases.pre')}</span>
        <span className="loop-text">{t('phases.preShort')}</span>
      </li>
      <li className="loop-step loop-live">
        <span className="loop-name">{t('phases.live')}</span>
        <span className="loop-text">{t('phases.liveShort')}</span>
      </li>
      <li className="loop-step loop-post">
        <span className="loop-name">{t('phases.post')}</span>
        <span className="loop-text">{t('phases.postShort')}</span>
      </li>
    </ol>
  );
}

export function LessonList({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isTeacher = course.role === 'teacher';
  return (
    <Card className="lessons-card" title={t('lessons.title')}>
      {course.lessons.length === 0 ? (
        <EmptyState title={isTeacher ? t('lessons.emptyTeacherTitle') : t('lessons.emptyStudentTitle')} art={<LoopArt />}>
          <p>{isTeacher ? t('lessons.emptyTeacherBody') : t('lessons.emptyStudentBody')}</p>
        </EmptyState>
      ) : (
        <ol className="lesson-list">
          {course.lessons.map((lesson) => (
            <li key={lesson.id} className="lesson-item">
              <span className="lesson-number" aria-hidden="true">
                {lesson.position + 1}
              </span>
              <div>
                <p className="lesson-title">{lesson.title}</p>
                {lesson.liveStartsAt ? (
                  <p className="lesson-meta">
                    <Icon name="clock" size={16} />
                    {t('lessons.liveAt', { when: format.dateTime(lesson.liveStartsAt) })}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
