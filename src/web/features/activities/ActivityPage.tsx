import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Activity } from '../../../shared/schemas/activities.ts';
import type { Lesson } from '../../../shared/schemas/lessons.ts';
import { Alert } from '../../components/Alert.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../account/use-format.ts';
import { useUser } from '../auth/session.ts';
import { useLesson } from '../lessons/lessons-api.ts';
import { useActivity, useDeleteActivity } from './activities-api.ts';
import { ActivityIcon } from './ActivityIcon.tsx';
import { TargetingControl } from '../targets/TargetingControl.tsx';
import { ActivityMeta } from './ActivityMeta.tsx';
import { activityPagePath, lessonPagePath } from './activity-types.ts';
import { ChecklistTask } from './doing/ChecklistTask.tsx';
import { DiscussionTask } from './doing/DiscussionTask.tsx';
import { LinkTask } from './doing/LinkTask.tsx';
import { PageTask } from './doing/PageTask.tsx';
import { PollTask } from './doing/PollTask.tsx';
import { QuestionBoxTask } from './doing/QuestionBoxTask.tsx';
import { QuizTask } from './doing/QuizTask.tsx';
import { ReflectionTask } from './doing/ReflectionTask.tsx';
import { VideoTask } from './doing/VideoTask.tsx';
import { MyFeedback } from './feedback/MyFeedback.tsx';
import { ResponsesPanel } from './feedback/ResponsesPanel.tsx';
import { learningError } from './learning-errors.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TeacherPreview } from './TeacherPreview.tsx';
import '../../styles/learning-base.css';
import '../../styles/lessons.css';

/** The student's side of each type; keyed by activity so a new one starts with its own draft. */
function StudentTask({ activity, userId }: { activity: Activity; userId: string }) {
  const locked = !activity.isOpen || activity.closed;
  const props = { userId, locked };
  switch (activity.type) {
    case 'page':
      return <PageTask activity={activity} {...props} />;
    case 'video':
      return <VideoTask activity={activity} {...props} />;
    case 'quiz':
      return <QuizTask activity={activity} {...props} />;
    case 'poll':
      return <PollTask activity={activity} {...props} />;
    case 'question_box':
      return <QuestionBoxTask activity={activity} locked={locked} isTeacher={false} />;
    case 'reflection':
      return <ReflectionTask activity={activity} {...props} />;
    case 'discussion':
      return <DiscussionTask activity={activity} locked={locked} isTeacher={false} />;
    case 'checklist':
      return <ChecklistTask activity={activity} {...props} />;
    case 'link':
      return <LinkTask activity={activity} {...props} />;
  }
}

/** Previous and next activity of the same lesson, in phase order. */
function Pager({ lesson, activityId }: { lesson: Lesson; activityId: string }) {
  const { t } = useTranslation();
  const all = [...lesson.pre, ...lesson.liveActivities, ...lesson.post];
  const index = all.findIndex((activity) => activity.id === activityId);
  const previous = index > 0 ? all[index - 1] : undefined;
  const next = index >= 0 ? all[index + 1] : undefined;
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={t('activity.pager.label')}>
      {previous ? (
        <Link className="pager-link" to={activityPagePath(previous.id)}>
          <span className="pager-dir">
            <Icon name="arrowLeft" size={16} />
            {t('activity.pager.previous')}
          </span>
          <span className="pager-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="pager-link pager-next" to={activityPagePath(next.id)}>
          <span className="pager-dir">
            {t('activity.pager.next')}
            <Icon name="arrowRight" size={16} />
          </span>
          <span className="pager-title">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}

export function ActivityPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const user = useUser();
  const query = useActivity(activityId);
  const lesson = useLesson(query.data?.lessonId ?? '');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <div className="container container-narrow">
          <PageTitle title={t('activity.notFound')} className="visually-hidden" />
          <EmptyState icon="info" headingLevel={2} title={t('activity.notFound')} actions={<ButtonLink to="/">{t('notFound.home')}</ButtonLink>}>
            <p>{t('activity.notFoundBody')}</p>
          </EmptyState>
        </div>
      );
    }
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ActivityView activity={query.data} lesson={lesson.data} userId={user.id} />;
}

function ActivityView({ activity, lesson, userId }: { activity: Activity; lesson: Lesson | undefined; userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const toast = useToast();
  const remove = useDeleteActivity(activity);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Students always get their own response (maybe empty); teachers get null.
  const isTeacher = activity.myResponse === null;
  const response = activity.myResponse;
  const interactiveForTeacher = activity.type === 'question_box' || activity.type === 'discussion';

  return (
    <div className="container container-narrow activity-page">
      <BackLink to={lessonPagePath(activity.lessonId)}>{lesson?.title ?? t('activity.backToLesson')}</BackLink>
      <header className="activity-hero">
        <div className="badge-row">
          <span className={`phase-chip phase-chip-${activity.phase}`}>{t(`phases.${activity.phase}`)}</span>
          <Badge>
            <ActivityIcon type={activity.type} size={14} />
            &nbsp;{t(`learning.types.${activity.type}`)}
          </Badge>
          {activity.catchUpForLessonId ? <Badge tone="warning">{t('activity.catchUp')}</Badge> : null}
        </div>
        <PageTitle title={activity.title} />
        <ActivityMeta activity={activity} />
        {isTeacher && activity.phase === 'post' ? <TargetingControl activity={activity} lessonId={activity.lessonId} /> : null}
        {response ? (
          <div className="badge-row">
            <StatusBadge status={response.status} />
            {response.late ? <Badge tone="warning">{t('learning.status.late')}</Badge> : null}
          </div>
        ) : null}
        {isTeacher ? (
          <div className="button-row">
            <ButtonLink to={`${activityPagePath(activity.id)}/edit`} icon="pencil">
              {t('activity.edit')}
            </ButtonLink>
            <Button variant="ghost" icon="trash" onClick={() => setConfirmDelete(true)}>
              {t('activity.delete')}
            </Button>
          </div>
        ) : null}
      </header>

      {!isTeacher ? <MyFeedback response={response} /> : null}
      {!activity.isOpen && activity.opensAt ? <Alert tone="info">{t('activity.notOpenYet', { when: format.dateTime(activity.opensAt) })}</Alert> : null}
      {activity.closed ? <Alert tone="info">{t('activity.closedNote')}</Alert> : null}

      {isTeacher ? (
        <>
          {interactiveForTeacher ? null : (
            <section className="card task-card" aria-label={t('activity.previewLabel')}>
              <p className="preview-note muted">{t('activity.previewNote')}</p>
              <TeacherPreview activity={activity} />
            </section>
          )}
          {activity.type === 'question_box' ? (
            <section className="card task-card" aria-label={activity.title}>
              <QuestionBoxTask activity={activity} locked={activity.closed} isTeacher />
            </section>
          ) : null}
          {activity.type === 'discussion' ? (
            <section className="card task-card" aria-label={activity.title}>
              <DiscussionTask activity={activity} locked={activity.closed} isTeacher />
            </section>
          ) : null}
          <ResponsesPanel activity={activity} />
        </>
      ) : (
        <section className="card task-card" aria-label={activity.title}>
          <StudentTask key={activity.id} activity={activity} userId={userId} />
        </section>
      )}

      {lesson ? <Pager lesson={lesson} activityId={activity.id} /> : null}

      <ConfirmDialog
        open={confirmDelete}
        tone="danger"
        title={t('activity.deleteTitle', { title: activity.title })}
        confirmLabel={t('activity.delete')}
        busy={remove.isPending}
        error={remove.isError ? learningError(t, remove.error) : undefined}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast(t('activity.deleted'));
              void navigate(lessonPagePath(activity.lessonId));
            },
          })
        }
      >
        <p>{t('activity.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
