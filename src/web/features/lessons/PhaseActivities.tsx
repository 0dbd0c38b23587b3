import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity, Phase } from '../../../shared/schemas/activities.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ActivityIcon } from '../activities/ActivityIcon.tsx';
import { ActivityMeta } from '../activities/ActivityMeta.tsx';
import { activityPagePath } from '../activities/activity-types.ts';
import { StatusBadge } from '../activities/StatusBadge.tsx';
import { TargetingControl } from '../targets/TargetingControl.tsx';

type Props = {
  lessonId: string;
  phase: Phase;
  activities: Activity[];
  isTeacher: boolean;
  /** Teacher: move the activity one place up (-1) or down (+1) in its phase. */
  onMove?: (activity: Activity, by: -1 | 1) => void;
  moving?: boolean;
};

/** One phase's activities in order: students see what is done; teachers add and reorder. */
export function PhaseActivities({ lessonId, phase, activities, isTeacher, onMove, moving = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {activities.length === 0 ? (
        <p className="phase-empty muted">{isTeacher ? t(`lesson.empty.${phase}Teacher`) : t(`lesson.empty.${phase}Student`)}</p>
      ) : (
        <ol className="activity-list">
          {activities.map((activity, index) => (
            <li key={activity.id} className="activity-row">
              <span className={`activity-type activity-type-${activity.type}`} title={t(`learning.types.${activity.type}`)}>
                <ActivityIcon type={activity.type} />
              </span>
              <div className="activity-row-main">
                <Link to={activityPagePath(activity.id)} className="activity-row-title">
                  {activity.title}
                  <span className="visually-hidden"> ({t(`learning.types.${activity.type}`)})</span>
                </Link>
                <ActivityMeta activity={activity} />
                {isTeacher && phase === 'post' ? <TargetingControl activity={activity} lessonId={lessonId} /> : null}
              </div>
              <div className="activity-row-side">
                {activity.myResponse ? (
                  <>
                    <StatusBadge status={activity.myResponse.status} />
                    {activity.myResponse.late ? <Badge tone="warning">{t('learning.status.late')}</Badge> : null}
                    {activity.myResponse.feedback ? <Badge tone="primary">{t('activity.feedback.badge')}</Badge> : null}
                  </>
                ) : null}
                {isTeacher && onMove ? (
                  <span className="move-buttons">
                    <Button variant="ghost" className="icon-button" disabled={index === 0 || moving} onClick={() => onMove(activity, -1)} aria-label={t('lesson.moveUp', { title: activity.title })}>
                      <Icon name="chevronDown" size={18} className="icon-flip" />
                    </Button>
                    <Button variant="ghost" className="icon-button" disabled={index === activities.length - 1 || moving} onClick={() => onMove(activity, 1)} aria-label={t('lesson.moveDown', { title: activity.title })}>
                      <Icon name="chevronDown" size={18} />
                    </Button>
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {isTeacher ? (
        <div className="phase-actions">
          <ButtonLink to={`/lessons/${encodeURIComponent(lessonId)}/new/${phase}`} icon="plus">
            {t(`lesson.add.${phase}`)}
          </ButtonLink>
        </div>
      ) : null}
    </>
  );
}
