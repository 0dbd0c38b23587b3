import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.tsx';
import { Card } from '../../../components/Card.tsx';
import { activityTypeLabel } from './activity-type.ts';
import { StepContent } from './StepContent.tsx';
import { useRoom } from './room-context.tsx';

/** Students: the step the class is on (or their own, in student pace), with its content. */
export function StudentStepCard({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { view, act } = useRoom();
  const step = view.steps[view.me.step];
  const own = view.pace === 'student';
  return (
    <div id={id} className="room-anchor">
      <Card
        className="room-card step-card"
        title={step ? step.title : t('live.step.waiting')}
        description={
          step ? (
            <>
              {t('live.runSheet.position', { number: view.me.step + 1, total: view.steps.length })} · {activityTypeLabel(t, step.type)}
              {own ? ` · ${t('live.step.ownPace')}` : ''}
            </>
          ) : undefined
        }
      >
        {!step ? (
          <p className="muted">{t('live.step.waitingBody')}</p>
        ) : view.poll?.activityId === step.activityId ? (
          // The poll card above is this step: say so rather than repeat the question.
          <p className="muted">{t('live.step.answerAbove')}</p>
        ) : (
          <StepContent activityId={step.activityId} headingLevel={2} />
        )}
        {own && view.steps.length > 1 ? (
          <div className="step-nav">
            <Button icon="arrowLeft" onClick={() => void act({ type: 'step.prev' })} disabled={view.me.step === 0}>
              {t('live.runSheet.prev')}
            </Button>
            <Button variant="primary" icon="arrowRight" onClick={() => void act({ type: 'step.next' })} disabled={view.me.step >= view.steps.length - 1}>
              {t('live.runSheet.next')}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
