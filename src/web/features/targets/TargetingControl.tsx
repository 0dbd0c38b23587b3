import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/schemas/activities.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { useLesson } from '../lessons/lessons-api.ts';
import { useTargeting } from './targets-api.ts';
import { TargetingDialog } from './TargetingDialog.tsx';
import './targets.css';

/** Teacher, on a post-work activity: "For 3 students" and the "Who gets this" dialog. */
export function TargetingControl({ activity, lessonId }: { activity: Activity; lessonId: string }) {
  const { t } = useTranslation();
  const targeting = useTargeting(activity.id);
  const lesson = useLesson(lessonId);
  const [open, setOpen] = useState(false);
  const current = targeting.data ?? null;
  return (
    <div className="target-line">
      {current ? (
        <span data-testid="targeted-count">
          <Badge tone="primary">{t('lesson.targets.forCount', { count: current.students.length })}</Badge>
        </span>
      ) : null}
      <Button variant="ghost" icon="users" className="target-open" disabled={!targeting.isSuccess || !lesson.data} onClick={() => setOpen(true)} aria-label={t('lesson.targets.openLabel', { title: activity.title })}>
        {t('lesson.targets.open')}
      </Button>
      {open && lesson.data ? <TargetingDialog activity={activity} lesson={lesson.data} targeting={current} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
