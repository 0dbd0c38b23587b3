import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/schemas/activities.ts';
import { Icon } from '../../components/Icon.tsx';
import { useFormat } from '../account/use-format.ts';

/** Minutes, due date, opening date and whether it counts: the facts a student plans with. */
export function ActivityMeta({ activity, showOptional = true }: { activity: Pick<Activity, 'estimatedMinutes' | 'dueAt' | 'opensAt' | 'isOpen' | 'required' | 'closed'>; showOptional?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = activity.dueAt !== null && Date.parse(activity.dueAt) < Date.now();
  return (
    <ul className="activity-meta">
      {activity.estimatedMinutes ? (
        <li>
          <Icon name="clock" size={16} />
          {t('learning.meta.minutes', { count: activity.estimatedMinutes })}
        </li>
      ) : null}
      {activity.dueAt ? <li className={overdue ? 'activity-meta-overdue' : undefined}>{t('learning.meta.due', { when: format.dateTime(activity.dueAt) })}</li> : null}
      {!activity.isOpen && activity.opensAt ? <li>{t('learning.meta.opens', { when: format.dateTime(activity.opensAt) })}</li> : null}
      {activity.closed ? <li>{t('learning.meta.closed')}</li> : null}
      {showOptional && !activity.required ? <li>{t('learning.meta.optional')}</li> : null}
    </ul>
  );
}
