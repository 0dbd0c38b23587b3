import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseDetail, LessonSummary } from '../../../shared/schemas/courses.ts';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { learningError } from '../activities/learning-errors.ts';
import { useFormat } from '../account/use-format.ts';
import { CreateLessonForm } from '../lessons/CreateLessonForm.tsx';
import { ImportNoteButton } from '../lessons/ImportNoteButton.tsx';
import { useReorderLessons } from '../lessons/lessons-api.ts';
import { TemplatePicker } from '../lesson-templates/TemplatePicker.tsx';
import '../../styles/learning-base.css';
import '../../styles/lessons.css';

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

function moveId(lessons: LessonSummary[], index: number, by: -1 | 1): string[] {
  const ids = lessons.map((lesson) => lesson.id);
  const to = index + by;
  [ids[index], ids[to]] = [ids[to]!, ids[index]!];
  return ids;
}

export function LessonList({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const reorder = useReorderLessons(course.id);
  const [creating, setCreating] = useState<false | 'blank' | 'template'>(false);
  const isTeacher = course.role === 'teacher';
  const lessons = [...course.lessons].sort((a, b) => a.position - b.position);

  const actions = isTeacher ? (
    <div className="lesson-list-actions">
      <ImportNoteButton courseId={course.id} />
      {creating ? null : (
        <>
          <Button icon="sparkle" onClick={() => setCreating('template')}>
            {t('lesson.templates.action')}
          </Button>
          <Button variant="primary" icon="plus" onClick={() => setCreating('blank')}>
            {t('lesson.create.action')}
          </Button>
        </>
      )}
    </div>
  ) : undefined;

  return (
    <Card className="lessons-card" title={t('lessons.title')} actions={actions}>
      {creating === 'blank' ? <CreateLessonForm courseId={course.id} onCancel={() => setCreating(false)} /> : null}
      {creating === 'template' ? <TemplatePicker courseId={course.id} onCancel={() => setCreating(false)} /> : null}
      {lessons.length === 0 ? (
        creating ? null : (
          <EmptyState title={isTeacher ? t('lessons.emptyTeacherTitle') : t('lessons.emptyStudentTitle')} art={<LoopArt />}>
            <p>{isTeacher ? t('lessons.emptyTeacherBody') : t('lessons.emptyStudentBody')}</p>
          </EmptyState>
        )
      ) : (
        <ol className="lesson-list">
          {lessons.map((lesson, index) => (
            <li key={lesson.id} className="lesson-item">
              <span className="lesson-number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="lesson-item-main">
                <Link to={`/lessons/${encodeURIComponent(lesson.id)}`} className="lesson-title lesson-link">
                  {lesson.title}
                </Link>
                {lesson.liveStartsAt ? (
                  <p className="lesson-meta">
                    <Icon name="clock" size={16} />
                    {t('lessons.liveAt', { when: format.dateTime(lesson.liveStartsAt) })}
                  </p>
                ) : null}
              </div>
              {isTeacher ? (
                <span className="move-buttons">
                  <Button
                    variant="ghost"
                    className="icon-button"
                    disabled={index === 0 || reorder.isPending}
                    aria-label={t('lesson.moveUp', { title: lesson.title })}
                    onClick={() => reorder.mutate(moveId(lessons, index, -1), { onError: (error) => toast(learningError(t, error), 'error') })}
                  >
                    <Icon name="chevronDown" size={18} className="icon-flip" />
                  </Button>
                  <Button
                    variant="ghost"
                    className="icon-button"
                    disabled={index === lessons.length - 1 || reorder.isPending}
                    aria-label={t('lesson.moveDown', { title: lesson.title })}
                    onClick={() => reorder.mutate(moveId(lessons, index, 1), { onError: (error) => toast(learningError(t, error), 'error') })}
                  >
                    <Icon name="chevronDown" size={18} />
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
