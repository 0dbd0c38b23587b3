import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Activity, Phase } from '../../../shared/schemas/activities.ts';
import type { Lesson } from '../../../shared/schemas/lessons.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { isApiError } from '../../lib/api.ts';
import { learningError } from '../activities/learning-errors.ts';
import { OfflineLessonAction } from '../offline/lazy.tsx';
import { useCourse } from '../courses/courses-api.ts';
import { GuidancePanel } from '../guidance/GuidancePanel.tsx';
import { LessonProgressMeter } from './LessonProgressMeter.tsx';
import { RenameLessonForm } from './RenameLessonForm.tsx';
import { useDeleteLesson, useLesson, useReorderActivities } from './lessons-api.ts';
import { PhaseActivities } from './PhaseActivities.tsx';
import '../../styles/learning-base.css';
import '../../styles/lessons.css';

// The live-session panel belongs to the live feature (and brings its own schemas and styles).
const LiveSessionPanel = lazy(() => import('../live/LiveSessionPanel.tsx').then((m) => ({ default: m.LiveSessionPanel })));

function minutes(activities: Activity[]): number {
  return activities.reduce((sum, activity) => sum + (activity.estimatedMinutes ?? 0), 0);
}

function PhaseSection({ phase, number, title, lede, total, children }: { phase: Phase; number: number; title: string; lede: string; total?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`phase phase-${phase}`} aria-labelledby={id}>
      <header className="phase-header">
        <span className="phase-number" aria-hidden="true">
          {number}
        </span>
        <div>
          <h2 className="phase-title" id={id}>
            {title}
          </h2>
          <p className="phase-lede">{lede}</p>
        </div>
        {total ? <p className="phase-total">{total}</p> : null}
      </header>
      <div className="phase-body">{children}</div>
    </section>
  );
}

/** The new order after moving one activity a place within its phase. */
function moved(lesson: Lesson, activity: Activity, by: -1 | 1) {
  const layout = { pre: lesson.pre.map((a) => a.id), live: lesson.liveActivities.map((a) => a.id), post: lesson.post.map((a) => a.id) };
  const list = layout[activity.phase];
  const from = list.indexOf(activity.id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return null;
  [list[from], list[to]] = [list[to]!, list[from]!];
  return layout;
}

export function LessonPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const query = useLesson(lessonId);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <div className="container container-narrow">
          <PageTitle title={t('lesson.notFound')} className="visually-hidden" />
          <EmptyState icon="info" headingLevel={2} title={t('lesson.notFound')} actions={<ButtonLink to="/">{t('notFound.home')}</ButtonLink>}>
            <p>{t('lesson.notFoundBody')}</p>
          </EmptyState>
        </div>
      );
    }
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <LessonView lesson={query.data} />;
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const course = useCourse(lesson.courseId);
  const reorder = useReorderActivities(lesson.id);
  const remove = useDeleteLesson(lesson.id, lesson.courseId);
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isTeacher = lesson.role === 'teacher';
  const move = (activity: Activity, by: -1 | 1) => {
    const layout = moved(lesson, activity, by);
    if (layout) reorder.mutate(layout, { onError: (error) => toast(learningError(t, error), 'error') });
  };
  const phaseProps = { lessonId: lesson.id, isTeacher, onMove: isTeacher ? move : undefined, moving: reorder.isPending };
  const total = (activities: Activity[]) => {
    const sum = minutes(activities);
    return sum > 0 ? t('learning.meta.minutes', { count: sum }) : undefined;
  };

  return (
    <div className="container lesson-page">
      <BackLink to={`/courses/${encodeURIComponent(lesson.courseId)}`}>{course.data?.title ?? t('lesson.backToCourse')}</BackLink>
      <div className="lesson-hero">
        <div className="lesson-hero-main">
          <p className="eyebrow">{t('lesson.number', { n: lesson.position + 1 })}</p>
          {renaming ? (
            <>
              <PageTitle title={lesson.title} className="visually-hidden" />
              <RenameLessonForm lesson={lesson} onDone={() => setRenaming(false)} />
            </>
          ) : (
            <PageTitle title={lesson.title} />
          )}
          {!isTeacher && lesson.progress.required > 0 ? <LessonProgressMeter done={lesson.progress.done} total={lesson.progress.required} /> : null}
          {/* Students: "Make available offline" (features/offline). */}
          <OfflineLessonAction lesson={lesson} />
        </div>
        {isTeacher && !renaming ? (
          <div className="button-row">
            <ButtonLink to={`/lessons/${encodeURIComponent(lesson.id)}/report`} icon="book">
              {t('lesson.report')}
            </ButtonLink>
            <Button icon="pencil" onClick={() => setRenaming(true)}>
              {t('lesson.rename')}
            </Button>
            <Button variant="ghost" icon="trash" onClick={() => setConfirmDelete(true)}>
              {t('lesson.delete')}
            </Button>
          </div>
        ) : null}
      </div>

      {isTeacher ? <GuidancePanel lesson={lesson} /> : null}
      <div className="phases">
        <PhaseSection phase="pre" number={1} title={t('phases.pre')} lede={t('lesson.lede.pre')} total={total(lesson.pre)}>
          <PhaseActivities phase="pre" activities={lesson.pre} {...phaseProps} />
        </PhaseSection>
        <PhaseSection phase="live" number={2} title={t('phases.live')} lede={t('lesson.lede.live')}>
          <Suspense fallback={<Loading />}>
            <LiveSessionPanel lessonId={lesson.id} live={lesson.live} role={lesson.role} />
          </Suspense>
          {isTeacher || lesson.liveActivities.length > 0 ? (
            <div className="run-sheet">
              <h3 className="run-sheet-title">{t('lesson.runSheet')}</h3>
              {isTeacher ? <p className="muted run-sheet-lede">{t('lesson.runSheetLede')}</p> : null}
              <PhaseActivities phase="live" activities={lesson.liveActivities} {...phaseProps} />
            </div>
          ) : null}
        </PhaseSection>
        <PhaseSection phase="post" number={3} title={t('phases.post')} lede={t('lesson.lede.post')} total={total(lesson.post)}>
          <PhaseActivities phase="post" activities={lesson.post} {...phaseProps} />
        </PhaseSection>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        tone="danger"
        title={t('lesson.deleteTitle', { title: lesson.title })}
        confirmLabel={t('lesson.delete')}
        busy={remove.isPending}
        error={remove.isError ? learningError(t, remove.error) : undefined}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast(t('lesson.deleted'));
              void navigate(`/courses/${encodeURIComponent(lesson.courseId)}`);
            },
          })
        }
      >
        <p>{t('lesson.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
