import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ACTIVITY_TYPES, Phase, type ActivityType } from '../../../../shared/schemas/activities.ts';
import { Alert } from '../../../components/Alert.tsx';
import { BackLink } from '../../../components/BackLink.tsx';
import { Button } from '../../../components/Button.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageError } from '../../../components/PageError.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useLesson } from '../../lessons/lessons-api.ts';
import { useActivity } from '../activities-api.ts';
import { ActivityIcon } from '../ActivityIcon.tsx';
import { activityPagePath, lessonPagePath } from '../activity-types.ts';
import { ActivityForm } from './ActivityForm.tsx';
import '../../../styles/learning-base.css';
import '../../../styles/lessons.css';

/** Types that make sense in a live run-sheet come first there; every type stays available. */
const LIVE_FIRST: ActivityType[] = ['poll', 'quiz', 'question_box', 'page', 'link', 'reflection', 'video', 'discussion', 'checklist'];

function TypeChooser({ phase, onChoose }: { phase: Phase; onChoose: (type: ActivityType) => void }) {
  const { t } = useTranslation();
  const types = phase === 'live' ? LIVE_FIRST : ACTIVITY_TYPES;
  return (
    <fieldset className="type-chooser">
      <legend className="fieldset-legend">{t('editor.chooseType')}</legend>
      <ul className="type-grid">
        {types.map((type) => (
          <li key={type}>
            <button type="button" className="type-card" onClick={() => onChoose(type)}>
              <span className={`activity-type activity-type-${type}`} aria-hidden="true">
                <ActivityIcon type={type} size={22} />
              </span>
              <span className="type-card-text">
                <span className="type-card-name">{t(`learning.types.${type}`)}</span>
                <span className="type-card-desc">{t(`editor.typeHints.${type}`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function NewActivity({ lessonId, phase }: { lessonId: string; phase: Phase }) {
  const { t } = useTranslation();
  const lesson = useLesson(lessonId);
  const [type, setType] = useState<ActivityType | null>(null);
  if (lesson.isPending) return <Loading />;
  if (lesson.isError) return <PageError error={lesson.error} onRetry={() => void lesson.refetch()} />;
  if (lesson.data.role !== 'teacher') return <Alert tone="error">{t('errors.code.forbidden')}</Alert>;
  return (
    <div className="container container-narrow editor-page">
      <BackLink to={lessonPagePath(lessonId)}>{lesson.data.title}</BackLink>
      <div className="page-header">
        <div>
          <PageTitle title={type ? t('editor.newTitleType', { type: t(`learning.types.${type}`) }) : t('editor.newTitle')} />
          <p className="page-lede">{t('editor.newLede', { phase: t(`phases.${phase}`) })}</p>
        </div>
        {type ? (
          <Button variant="ghost" onClick={() => setType(null)}>
            {t('editor.changeType')}
          </Button>
        ) : null}
      </div>
      {type ? <ActivityForm key={type} mode={{ kind: 'create', lessonId, type, phase }} courseId={lesson.data.courseId} /> : <TypeChooser phase={phase} onChoose={setType} />}
    </div>
  );
}

function EditActivity({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const query = useActivity(activityId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const activity = query.data;
  if (activity.myResponse !== null) return <Alert tone="error">{t('errors.code.forbidden')}</Alert>;
  return (
    <div className="container container-narrow editor-page">
      <BackLink to={activityPagePath(activity.id)}>{activity.title}</BackLink>
      <div className="page-header">
        <div>
          <PageTitle title={t('editor.editTitle', { type: t(`learning.types.${activity.type}`) })} />
        </div>
      </div>
      <ActivityForm key={activity.id} mode={{ kind: 'edit', activity }} courseId={activity.courseId} />
    </div>
  );
}

/** /lessons/:lessonId/new/:phase and /activities/:activityId/edit. */
export function ActivityEditorPage() {
  const { lessonId, phase, activityId } = useParams();
  if (activityId) return <EditActivity activityId={activityId} />;
  const parsed = Phase.safeParse(phase);
  return <NewActivity lessonId={lessonId ?? ''} phase={parsed.success ? parsed.data : 'pre'} />;
}
